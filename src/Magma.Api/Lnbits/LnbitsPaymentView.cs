using System.Text.Json.Nodes;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Lnbits;

namespace Magma.Api.Lnbits;

/// <summary>
/// A payment as this API shows it everywhere (create, pay, status details, lists): LNbits' <c>Payment</c> fields in
/// the seed's units. <c>amount</c> is whole satoshis (negative when outgoing), <c>fee</c> millisatoshis (negative
/// when outgoing, the fee reserve while pending, as LNbits does), times are unix seconds.
/// </summary>
internal static class LnbitsPaymentView
{
    public static JsonObject Of(PaymentTransaction tx, AssetCatalog assets)
    {
        var json = LnbitsPaymentJson.ToJson(tx, assets.Get(tx.AssetId));
        var outgoing = tx.Direction == TransactionDirection.Send;
        json["amount"] = (outgoing ? -tx.AmountMsat : tx.AmountMsat) / 1000;
        json["pending"] = tx.Status == TransactionStatus.Pending;
        json["time"] = Unix(tx.CreatedAt);
        json["created_at"] = Unix(tx.CreatedAt);
        json["updated_at"] = Unix(tx.UpdatedAt);
        json["expiry"] = tx.ExpiresAt is { } expires ? Unix(expires) : null;
        json["tag"] = LnbitsSettledPayments.TagOf(tx.Extra);
        return json;
    }

    public static long Unix(DateTime at) => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToUnixTimeSeconds();
}
