using System.Text.Json;
using Magma.Lightning.Storage;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Lnbits;
using Magma.Payments.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Webhooks;

/// <summary>
/// Writes an event and its pending deliveries inside the caller's unit of work: the transactional outbox.
/// The event id is deterministic, so recording the same event twice is a no-op. A completed receive that carries
/// its own LNbits-style <c>webhook</c> URL also gets a delivery to that URL, with the LNbits payment as body.
/// </summary>
public sealed class WebhookOutbox(AssetCatalog assets, WebhookSignal signal)
{
    public async Task Add(PaymentsDbContext db, PaymentTransaction tx, string eventType, DateTime now)
    {
        var id = PaymentEventPayload.EventId(eventType, tx.Id);
        if (db.WebhookEvents.Local.Any(e => e.Id == id) || await db.WebhookEvents.AnyAsync(e => e.Id == id))
            return;
        var environment = await db.Environments.FirstAsync(e => e.Id == tx.EnvironmentId);
        var asset = assets.Get(tx.AssetId);
        db.WebhookEvents.Add(new WebhookEvent
        {
            Id = id, EnvironmentId = tx.EnvironmentId, EventType = eventType, TransactionId = tx.Id, WalletId = tx.WalletId,
            Payload = PaymentEventPayload.Build(tx, environment, asset, eventType), CreatedAt = now,
        });

        var endpoints = await db.WebhookEndpoints
            .Where(e => e.EnvironmentId == tx.EnvironmentId && e.AccountId == null && e.Active && e.DeletedAt == null)
            .ToListAsync();
        foreach (var endpoint in endpoints.Where(e => Accepts(e, eventType)))
            db.WebhookDeliveries.Add(NewDelivery(id, endpoint.Id, endpoint.Url, body: null, now));

        if (tx.WebhookUrl is not null && eventType == PaymentEventTypes.Completed && tx.Direction == TransactionDirection.Receive)
            db.WebhookDeliveries.Add(NewDelivery(id, endpointId: null, tx.WebhookUrl, LnbitsPaymentJson.Serialize(tx, asset), now));

        SqliteDatabase.AfterCommit(signal.Notify);
    }

    public static bool Accepts(WebhookEndpoint endpoint, string eventType)
    {
        var filters = JsonSerializer.Deserialize<List<string>>(endpoint.EventFilters) ?? [];
        return filters.Count == 0 || filters.Contains(eventType);
    }

    public static WebhookDelivery NewDelivery(string eventId, string? endpointId, string url, string? body, DateTime now) => new()
    {
        Id = Ids.New(), EventId = eventId, EndpointId = endpointId, TargetUrl = url, Body = body, AttemptNumber = 1,
        Status = DeliveryStatus.Pending, NextAttemptAt = now, CreatedAt = now, UpdatedAt = now,
    };
}
