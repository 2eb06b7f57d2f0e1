using System.Net;
using QRCoder;

namespace Magma.Api.Checkout;

/// <summary>
/// The hosted checkout: the invoice as a QR code with a copy button, and a status line that polls the order.
/// Everything is server-rendered; the small script only copies and polls.
/// </summary>
public static class CheckoutPage
{
    public static string Render(CheckoutStatus status)
    {
        var invoice = status.Invoice;
        var qr = invoice is null ? "" : Qr("lightning:" + invoice.ToUpperInvariant());
        var id = WebUtility.HtmlEncode(status.OrderId);
        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Magma checkout · order {{id}}</title>
            <style>
              body { font-family: system-ui, sans-serif; max-width: 30rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1f; }
              .qr svg { width: 100%; height: auto; }
              code { word-break: break-all; font-size: .8rem; display: block; background: #f3f3f6; padding: .6rem; border-radius: .4rem; }
              button { font-size: 1rem; padding: .5rem 1rem; margin-top: .6rem; cursor: pointer; }
              .status { margin: 1rem 0; padding: .8rem; border-radius: .4rem; background: #eef4ff; }
            </style>
            </head>
            <body>
            <h1>Inbound liquidity</h1>
            <p>Channel size <strong>{{status.SizeSat:N0}} sats</strong> · pay <strong>{{status.AmountSat:N0}} sats</strong></p>
            <p class="status" id="status" data-status="{{status.Status}}">{{WebUtility.HtmlEncode(status.Headline)}}</p>
            {{(invoice is null ? "" : $"""
            <div class="qr">{qr}</div>
            <code id="invoice">{WebUtility.HtmlEncode(invoice)}</code>
            <button id="copy" type="button">Copy invoice</button>
            """)}}
            <p><small>Order {{id}} · <span id="state">{{status.Status}}</span></small></p>
            <script>
              const copy = document.getElementById('copy');
              if (copy) copy.addEventListener('click', async () => {
                await navigator.clipboard.writeText(document.getElementById('invoice').textContent);
                copy.textContent = 'Copied';
              });
              const hadInvoice = {{(invoice is null ? "false" : "true")}};
              async function poll() {
                const response = await fetch('/checkout/{{id}}/status', { headers: { accept: 'application/json' } });
                if (response.ok) {
                  const s = await response.json();
                  if (!hadInvoice && s.invoice) { location.reload(); return; }
                  document.getElementById('status').textContent = s.headline;
                  document.getElementById('state').textContent = s.status;
                  if (s.final) return;
                }
                setTimeout(poll, 3000);
              }
              setTimeout(poll, 3000);
            </script>
            </body>
            </html>
            """;
    }

    private static string Qr(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(6);
    }
}
