using System.Security.Cryptography;
using Magma.Lightning.Crypto;
using Magma.Payments.Assets;
using Magma.Payments.Environments;
using Magma.Payments.Transactions;
using Magma.Payments.Webhooks;

namespace Magma.Api.Lnbits;

/// <summary>
/// <c>POST /api/v1/payments</c> with <c>out: false</c>: a receive invoice for an invoice or admin key. Besides the seed's
/// fields it takes LNbits' <c>description_hash</c>, <c>unhashed_description</c> and <c>payment_hash</c> (a hold invoice
/// whose preimage the caller keeps), and Magma's <c>hold: true</c> (a hold invoice whose preimage the server keeps,
/// settled with <c>PUT /api/v1/payments/{checking_id}</c>).
/// </summary>
internal static class LnbitsInvoiceRoute
{
    public const int MaxMemoLength = 640;
    public const long MaxExpirySeconds = 31_536_000;
    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromHours(1);
    private const decimal MaxAmountSats = 2_100_000_000_000_000;
    private const int MaxExtraLength = 4096;
    private const int MaxUnhashedDescriptionBytes = 4096;

    public static async Task<IResult> Create(LnbitsKey key, LnbitsBody body, InvoiceIssuer issuer, HoldInvoiceService holds, AssetCatalog assets,
        EnvironmentService environments, WebhookUrlPolicy webhookUrls, CancellationToken cancellationToken)
    {
        var amountMsat = AmountMsat(body);
        var memo = body.Text("memo");
        if (memo is { Length: > MaxMemoLength })
            throw LnbitsProblem.BadRequest($"memo must be at most {MaxMemoLength} characters.");
        var expiry = body.WholeNumber("expiry") ?? (long)DefaultExpiry.TotalSeconds;
        if (expiry is < 1 or > MaxExpirySeconds)
            throw LnbitsProblem.BadRequest($"expiry must be between 1 and {MaxExpirySeconds} seconds.");
        var extra = body.Object("extra")?.ToJsonString();
        if (extra is { Length: > MaxExtraLength })
            throw LnbitsProblem.BadRequest($"extra must be at most {MaxExtraLength} characters of JSON.");

        var descriptionHash = DescriptionHash(body);
        var callerHash = body.Text("payment_hash");
        var serverHold = body.Bool("hold") ?? false;
        if (callerHash is not null && serverHold)
            throw LnbitsProblem.BadRequest("Give either payment_hash (you keep the preimage) or hold: true (the server keeps it), not both.");
        // Last, because it may ask DNS.
        var webhook = await LnbitsWebhookUrl.Validate(body, key, environments, webhookUrls, cancellationToken);
        var request = new InvoiceRequest(key.Wallet.Id, amountMsat, memo, TimeSpan.FromSeconds(expiry),
            DescriptionHash: descriptionHash, WebhookUrl: webhook, Extra: extra);

        var tx = callerHash is not null ? await holds.Create(key.Caller, request with { HoldPaymentHash = callerHash.ToLowerInvariant() }, cancellationToken)
            : serverHold ? await holds.Create(key.Caller, WithServerPreimage(request), cancellationToken)
            : await issuer.Issue(key.Caller, request, cancellationToken);
        return Results.Json(LnbitsPaymentView.Of(tx, assets), statusCode: StatusCodes.Status201Created);
    }

    /// <summary>LNbits' amounts are floats in sats, truncated; only the default unit, sat, is served.</summary>
    private static long AmountMsat(LnbitsBody body)
    {
        var unit = body.Text("unit") ?? "sat";
        if (unit != "sat")
            throw LnbitsProblem.BadRequest("The provided unit is not supported. Only 'sat' is.");
        var amount = body.Number("amount") ?? throw LnbitsProblem.BadRequest("amount is required (in satoshis).");
        var sats = decimal.Truncate(amount);
        if (sats <= 0)
            throw LnbitsProblem.BadRequest("amount must be a positive number of satoshis. Amountless invoices are not supported.");
        if (sats > MaxAmountSats)
            throw LnbitsProblem.BadRequest("amount exceeds the 21 million BTC supply.");
        return (long)sats * 1000;
    }

    private static string? DescriptionHash(LnbitsBody body)
    {
        if (body.Text("description_hash") is { } hash)
            return Hex.IsHex(hash, 32) ? hash.ToLowerInvariant() : throw LnbitsProblem.BadRequest("description_hash must be 64 hex characters.");
        if (body.Text("unhashed_description") is not { } unhashed)
            return null;
        if (!Hex.TryDecode(unhashed, out var description) || description.Length > MaxUnhashedDescriptionBytes)
            throw LnbitsProblem.BadRequest($"unhashed_description must be hex of at most {MaxUnhashedDescriptionBytes} bytes.");
        return Convert.ToHexStringLower(SHA256.HashData(description));
    }

    private static InvoiceRequest WithServerPreimage(InvoiceRequest request)
    {
        var preimage = RandomNumberGenerator.GetBytes(32);
        return request with { HoldPaymentHash = Convert.ToHexStringLower(SHA256.HashData(preimage)), HoldPreimage = Convert.ToHexStringLower(preimage) };
    }
}
