using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Magma.Lightning.Bolt11;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Errors;
using Magma.Payments.Webhooks;
using Microsoft.Extensions.Options;

namespace Magma.Payments.LightningAddress;

/// <summary>
/// Turns a Lightning Address (LUD-16) into a BOLT11 invoice through LNURL-pay (LUD-06):
/// <c>GET https://domain/.well-known/lnurlp/user</c>, then the callback with <c>?amount=&lt;msat&gt;</c>. The invoice
/// must be for exactly that amount, on a network the wallet may pay, and carry an <c>h</c> tag equal to SHA-256 of the
/// metadata, or it is refused.
/// </summary>
public sealed class LnurlPayResolver(IHttpClientFactory httpClients, IOptions<PaymentsOptions> options)
{
    public const string HttpClientName = "lnurl";

    /// <summary>The invoice to pay <paramref name="amountMsat"/> to <paramref name="address"/> from a wallet of <paramref name="environment"/>.</summary>
    public async Task<string> Resolve(string address, long amountMsat, EnvironmentType environment, CancellationToken cancellationToken)
    {
        var (user, domain) = Parse(address);
        var scheme = options.Value.LightningAddress.AllowHttpLoopback && IsLoopback(domain) ? "http" : "https";
        var client = httpClients.CreateClient(HttpClientName);
        client.Timeout = options.Value.LightningAddress.RequestTimeout;

        using var payRequest = await GetJson(client, new Uri($"{scheme}://{domain}/.well-known/lnurlp/{Uri.EscapeDataString(user)}"), cancellationToken);
        var root = payRequest.RootElement;
        if (!string.Equals(Text(root, "tag"), "payRequest", StringComparison.Ordinal))
            throw Failed($"{address} did not answer with an LNURL-pay request.");
        var callback = Text(root, "callback") ?? throw Failed("The LNURL-pay response has no callback.");
        var metadata = Text(root, "metadata") ?? throw Failed("The LNURL-pay response has no metadata.");
        var min = Number(root, "minSendable");
        var max = Number(root, "maxSendable");
        if (amountMsat < min || amountMsat > max)
            throw Failed($"{address} accepts between {min / 1000} and {max / 1000} sats.");

        var separator = callback.Contains('?') ? '&' : '?';
        using var invoiceResponse = await GetJson(client, CheckedCallback($"{callback}{separator}amount={amountMsat}"), cancellationToken);
        var invoice = Text(invoiceResponse.RootElement, "pr") ?? throw Failed(Text(invoiceResponse.RootElement, "reason") ?? "The LNURL callback returned no invoice.");
        Check(invoice, metadata, amountMsat, environment);
        return invoice;
    }

    /// <summary>
    /// LUD-06's payer checks, before anything is reserved: the server chose this invoice, so it may be for another
    /// amount, another network, or not tied to what the address said it was paying for. Unlike transport failures,
    /// these messages may say what was wrong: they describe the invoice, not what sits behind the URL.
    /// </summary>
    private static void Check(string paymentRequest, string metadata, long amountMsat, EnvironmentType environment)
    {
        var decoded = Bolt11Decoder.Decode(paymentRequest);
        if (!decoded.Success)
            throw Failed($"The LNURL callback returned an invalid invoice: {decoded.Error.Message}");
        var invoice = decoded.Invoice;
        if (!environment.Allows(invoice.Network))
            throw Failed($"The LNURL callback returned an invoice for network {invoice.Network.Name}, which is not allowed for this wallet.");
        if (invoice.AmountMsat != amountMsat)
            throw Failed(invoice.AmountMsat is { } other
                ? $"The LNURL callback returned an invoice for {other} msat instead of the {amountMsat} msat requested."
                : $"The LNURL callback returned an invoice without an amount instead of the {amountMsat} msat requested.");
        // The h tag is what binds the invoice to the address's metadata; a d tag, even one quoting the metadata, does not.
        if (invoice.DescriptionHash is null)
            throw Failed("The LNURL callback returned an invoice without a description hash (h); LUD-06 requires one committing to the LNURL metadata.");
        if (invoice.DescriptionHash != Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(metadata))))
            throw Failed("The LNURL callback returned an invoice whose description hash is not SHA-256 of the LNURL metadata.");
    }

    public static (string User, string Domain) Parse(string address)
    {
        var at = address.IndexOf('@');
        if (at <= 0 || at != address.LastIndexOf('@') || at == address.Length - 1)
            throw PaymentErrors.Invalid("lightning_address must look like user@domain.", "address.lightning_address");
        var user = address[..at];
        var domain = address[(at + 1)..].ToLowerInvariant();
        if (user.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '+'))
            || Uri.CheckHostName(domain.Split(':')[0]) == UriHostNameType.Unknown)
            throw PaymentErrors.Invalid("lightning_address must look like user@domain.", "address.lightning_address");
        return (user.ToLowerInvariant(), domain);
    }

    /// <summary>
    /// The callback comes from the remote server, so it is held to the same rule as the address: https to a name or
    /// a public address (http only to loopback when allowed). The client's connect guard checks every address a
    /// name resolves to as well; this refuses the obvious cases before any request leaves.
    /// </summary>
    private Uri CheckedCallback(string callback)
    {
        if (!Uri.TryCreate(callback, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            throw Failed("The LNURL-pay callback is not an absolute URL.");
        var loopbackAllowed = options.Value.LightningAddress.AllowHttpLoopback && IsLoopback(uri.Host);
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && loopbackAllowed))
            throw Failed("The LNURL-pay callback must use https.");
        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && !loopbackAllowed && WebhookAddresses.NonPublicReason(ip) is not null)
            throw Failed("The LNURL-pay callback points to an address that is not public.");
        return uri;
    }

    private static async Task<JsonDocument> GetJson(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(uri, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var document = JsonDocument.Parse(body);
            if (!response.IsSuccessStatusCode || string.Equals(Text(document.RootElement, "status"), "ERROR", StringComparison.OrdinalIgnoreCase))
            {
                var reason = Text(document.RootElement, "reason") ?? $"HTTP {(int)response.StatusCode}";
                document.Dispose();
                throw Failed($"The Lightning Address server refused: {reason}");
            }
            return document;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException)
        {
            // One message for every way this can fail: which one it was would tell a caller what sits behind the URL.
            throw Failed("The Lightning Address server could not be reached or answered badly.");
        }
    }

    private static bool IsLoopback(string domain)
    {
        var host = domain.Split(':')[0];
        return host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt64(out var number) ? number : throw Failed($"The LNURL-pay response has no {name}.");

    private static MagmaException Failed(string message) => new(PaymentErrors.LightningAddressFailed, message, "address.lightning_address");
}
