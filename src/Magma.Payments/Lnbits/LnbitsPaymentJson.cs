using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Magma.Payments.Assets;
using Magma.Payments.Data;

namespace Magma.Payments.Lnbits;

/// <summary>
/// A transaction as LNbits' <c>Payment</c> model shows it: amounts and fees in signed msat (outgoing negative),
/// status <c>pending|success|failed</c>, ISO-8601 times with an offset. Used by the LNbits-style REST routes and
/// as the body of an invoice's own <c>webhook</c>.
/// </summary>
public static class LnbitsPaymentJson
{
    public static JsonObject ToJson(PaymentTransaction tx, Asset asset)
    {
        var outgoing = tx.Direction == TransactionDirection.Send;
        var extra = ParseExtra(tx.Extra);
        if (tx.IsHold)
        {
            extra["hold_invoice"] = true;
            if (tx.Status == TransactionStatus.Completed)
                extra["hold_invoice_settled"] = true;
            if (tx.Status is TransactionStatus.Failed)
                extra["hold_invoice_cancelled"] = true;
        }
        if (!asset.IsBtc)
            extra["wallet_asset_amount"] = tx.Amount;
        return new JsonObject
        {
            ["checking_id"] = CheckingId(tx),
            ["payment_hash"] = tx.PaymentHash,
            ["wallet_id"] = tx.WalletId,
            ["amount"] = outgoing ? -tx.AmountMsat : tx.AmountMsat,
            ["fee"] = outgoing ? -Math.Max(tx.FeeMsat, tx.Status == TransactionStatus.Pending ? tx.FeeReserveMsat : 0) : 0,
            ["bolt11"] = tx.PaymentRequest,
            ["payment_request"] = tx.PaymentRequest,
            ["fiat_provider"] = null,
            ["status"] = Status(tx.Status),
            ["memo"] = tx.Description,
            ["expiry"] = Time(tx.ExpiresAt),
            ["webhook"] = tx.WebhookUrl,
            ["webhook_status"] = tx.WebhookStatus,
            ["preimage"] = tx.Status == TransactionStatus.Completed ? tx.Preimage : null,
            ["tag"] = null,
            ["extension"] = null,
            ["time"] = Time(tx.CreatedAt),
            ["created_at"] = Time(tx.CreatedAt),
            ["updated_at"] = Time(tx.UpdatedAt),
            ["labels"] = new JsonArray(),
            ["extra"] = extra,
        };
    }

    public static string Serialize(PaymentTransaction tx, Asset asset) => ToJson(tx, asset).ToJsonString();

    /// <summary>LNbits marks payments settled inside the same instance with an <c>internal_</c> checking id.</summary>
    public static string? CheckingId(PaymentTransaction tx) => tx.IsInternal && tx.PaymentHash is not null ? "internal_" + tx.PaymentHash : tx.PaymentHash;

    public static string Status(TransactionStatus status) => status switch
    {
        TransactionStatus.Pending => "pending",
        TransactionStatus.Completed => "success",
        _ => "failed",
    };

    private static string? Time(DateTime? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    private static JsonObject ParseExtra(string? extra)
    {
        if (extra is null)
            return [];
        try
        {
            return JsonNode.Parse(extra) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
