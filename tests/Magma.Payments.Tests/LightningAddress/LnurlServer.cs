using System.Security.Cryptography;
using System.Text;
using Magma.Lightning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Magma.Payments.Tests.LightningAddress;

/// <summary>A Lightning Address server on loopback: LUD-16 discovery and a LUD-06 callback issuing the payee's invoices.</summary>
public sealed class LnurlServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LnurlServer(WebApplication app) => _app = app;

    public string Domain { get; private set; } = "";

    /// <summary>
    /// The metadata has non-ASCII text on purpose: LUD-06 hashes its UTF-8 bytes, and a payer hashing any other
    /// encoding would refuse every honest invoice.
    /// </summary>
    public const string Metadata = "[[\"text/plain\",\"Pay Ålice ⚡\"],[\"text/identifier\",\"alice@magma.test\"]]";

    public static string MetadataHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Metadata)));

    public static async Task<LnurlServer> Start(ILightningNode payee, long minSendable = 1_000, long maxSendable = 1_000_000_000,
        LnurlInvoiceFault fault = LnurlInvoiceFault.None)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LnurlServer(app);
        app.MapGet("/.well-known/lnurlp/{user}", (string user) => user == "alice"
            ? Results.Json(new { tag = "payRequest", callback = $"http://{server.Domain}/lnurlp/alice/callback", minSendable, maxSendable, metadata = Metadata })
            : Results.Json(new { status = "ERROR", reason = "unknown user" }, statusCode: 404));
        app.MapGet("/lnurlp/alice/callback", async (long amount) =>
        {
            var invoice = await payee.CreateInvoice(fault switch
            {
                LnurlInvoiceFault.WrongAmount => new CreateInvoiceParams(amount + 1000, DescriptionHash: MetadataHash),
                LnurlInvoiceFault.NoDescriptionHash => new CreateInvoiceParams(amount, Memo: "Pay alice"),
                // The hash of the metadata as Latin-1 rather than UTF-8: close, and still wrong.
                LnurlInvoiceFault.WrongDescriptionHash => new CreateInvoiceParams(amount, DescriptionHash: Convert.ToHexStringLower(SHA256.HashData(Encoding.Latin1.GetBytes(Metadata)))),
                _ => new CreateInvoiceParams(amount, DescriptionHash: MetadataHash),
            });
            return Results.Json(new { pr = invoice.PaymentRequest, routes = Array.Empty<object>() });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Domain = new Uri(address).Authority;
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
