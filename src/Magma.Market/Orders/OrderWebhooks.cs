using System.Text.Json.Nodes;
using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Escrow;
using Magma.Payments;
using Magma.Payments.Data;
using Magma.Payments.Webhooks;

namespace Magma.Market.Orders;

/// <summary>
/// <c>order.status_changed</c>, which Magma itself lacks: every status change is written to the payments core's
/// webhook outbox for the buyer's and the seller's endpoints, in the unit that changed the order, and delivered
/// and signed by the same worker as payment events.
/// </summary>
public sealed class OrderWebhooks(MarketPlatform platform, WebhookOutbox outbox)
{
    public const string EventType = "order.status_changed";

    private const string AccountEndpoints =
        "SELECT id, url, event_filters, account_id FROM webhook_endpoints WHERE (account_id = $p0 OR account_id = $p1) AND active = 1 AND deleted_at IS NULL";

    public async Task StatusChanged(MarketDbContext db, Order order, OrderStatus? from, DateTime now)
    {
        var accounts = new[] { order.BuyerAccountId, order.SellerAccountId }.OfType<string>().Distinct().ToList();
        var endpoints = await WebhookOutbox.Endpoints(db, AccountEndpoints, order.BuyerAccountId, order.SellerAccountId);
        var environmentId = platform.EnvironmentId;
        foreach (var accountId in accounts)
        {
            var mine = endpoints.Where(e => e.AccountId == accountId && WebhookOutbox.Accepts(e.EventFilters, EventType)).ToList();
            if (mine.Count == 0)
                continue;
            var envelopeId = $"{EventType}:{order.Id}:{OrderNames.Of(order.Status)}";
            var eventId = $"{envelopeId}:{accountId}";
            db.Insert(new WebhookEvent
            {
                Id = eventId, EnvironmentId = environmentId, AccountId = accountId, EventType = EventType, CreatedAt = now,
                Payload = Payload(envelopeId, order, from, accountId, now),
            });
            foreach (var endpoint in mine)
                outbox.Queue(db, eventId, endpoint.Id, endpoint.Url, body: null, now);
        }
    }

    private static string Payload(string id, Order order, OrderStatus? from, string accountId, DateTime now) => new JsonObject
    {
        ["id"] = id,
        ["event_type"] = EventType,
        ["account_id"] = accountId,
        ["role"] = accountId == order.BuyerAccountId ? "buyer" : "seller",
        ["created_at"] = Timestamps.Format(now),
        ["data"] = new JsonObject
        {
            ["order_id"] = order.Id,
            ["status"] = OrderNames.Of(order.Status),
            ["previous_status"] = from is { } previous ? OrderNames.Of(previous) : null,
            ["payment_status"] = OrderNames.Of(order.PaymentStatus),
            ["size"] = order.SizeSat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["channel_point"] = order.ChannelPoint,
            ["destination"] = order.BuyerPubkey,
            ["source"] = order.SellerPubkey,
        },
    }.ToJsonString();
}
