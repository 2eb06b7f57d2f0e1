using System.Text.Json;
using System.Text.Json.Nodes;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Transactions;

namespace Magma.Payments.Webhooks;

/// <summary>
/// The webhook body for a payment event, in the shape of the Rails payments API: an envelope with a stable id
/// (<c>&lt;event_type&gt;:&lt;transaction id&gt;</c>) and the transaction under <c>data</c>. Metadata, a JSON
/// string on the API, is an object here.
/// </summary>
public static class PaymentEventPayload
{
    public static string Build(PaymentTransaction tx, EnvironmentType environmentType, Asset asset, string eventType)
    {
        var payload = new JsonObject
        {
            ["id"] = EventId(eventType, tx.Id),
            ["event_type"] = eventType,
            ["environment"] = environmentType == EnvironmentType.Sandbox ? "sandbox" : "production",
            ["environment_id"] = tx.EnvironmentId,
            ["wallet_id"] = tx.WalletId,
            ["node_id"] = null,
            ["data"] = new JsonObject
            {
                ["id"] = tx.Id,
                ["direction"] = tx.Direction.ToString().ToLowerInvariant(),
                ["status"] = tx.Status.ToString().ToLowerInvariant(),
                ["payment_details"] = new JsonObject
                {
                    ["payment_type"] = "bolt11",
                    ["payment_request"] = tx.PaymentRequest,
                    ["payment_hash"] = tx.PaymentHash,
                },
                ["amount"] = Money(asset, tx.Amount),
                ["fee"] = tx.Status == TransactionStatus.Completed ? Money(asset, FeeInWalletUnits(tx, asset)) : null,
                ["settle_amount"] = tx.SettleAmount is { } settled ? Money(asset, settled) : null,
                ["exchange_rate"] = tx.ExchangeRate,
                ["description"] = tx.Description,
                ["settled_at"] = Timestamps.Format(tx.SettledAt),
                ["expires_at"] = Timestamps.Format(tx.ExpiresAt),
                ["metadata"] = MetadataObject(tx.Metadata),
            },
        };
        return payload.ToJsonString();
    }

    public static string EventId(string eventType, string transactionId) => $"{eventType}:{transactionId}";

    private static JsonObject Money(Asset asset, long walletUnits) => new()
    {
        ["amount"] = AmountFormat.BaseUnits(asset, walletUnits),
        ["asset_id"] = asset.Id,
        ["asset_symbol"] = asset.Symbol,
        ["precision"] = asset.Precision,
    };

    /// <summary>Fees are paid in msat; asset wallets see them converted at the transaction's rate.</summary>
    private static long FeeInWalletUnits(PaymentTransaction tx, Asset asset) =>
        asset.IsBtc || tx.AmountMsat == 0 ? tx.FeeMsat : (long)Math.Ceiling((decimal)tx.FeeMsat * tx.Amount / tx.AmountMsat);

    private static JsonNode? MetadataObject(string? metadata)
    {
        if (metadata is null)
            return null;
        try
        {
            return JsonNode.Parse(metadata);
        }
        catch (JsonException)
        {
            return JsonValue.Create(metadata);
        }
    }
}
