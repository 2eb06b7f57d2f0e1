using System.Collections.Concurrent;
using System.Text.Json;
using Magma.Lightning.Storage;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Lnbits;
using Magma.Payments.Transactions;

namespace Magma.Payments.Webhooks;

/// <summary>
/// Writes an event and its pending deliveries inside the caller's unit of work: the transactional outbox.
/// The event id is deterministic, so recording the same event twice is a no-op. A completed receive that carries
/// its own LNbits-style <c>webhook</c> URL also gets a delivery to that URL, with the LNbits payment as body.
/// </summary>
public sealed class WebhookOutbox(AssetCatalog assets, WebhookSignal signal)
{
    // The endpoints an environment's payment events go to; account endpoints only receive order events.
    private const string EnvironmentEndpoints =
        "SELECT id, url, event_filters FROM webhook_endpoints WHERE environment_id = $p0 AND account_id IS NULL AND active = 1 AND deleted_at IS NULL";

    private readonly ConcurrentDictionary<string, EnvironmentType> _environmentTypes = new();

    public async Task Add(PaymentsDbContext db, PaymentTransaction tx, string eventType, DateTime now)
    {
        var id = PaymentEventPayload.EventId(eventType, tx.Id);
        // This unit's own unsaved events first (UnitRows, not DbSet.Local, which stays on the pooled context), then the saved ones.
        if (db.Tracked<WebhookEvent>().Any(e => e.Id == id) || await db.ExistsAsync("SELECT 1 FROM webhook_events WHERE id = $p0", id))
            return;
        var environmentType = await EnvironmentTypeOf(db, tx.EnvironmentId);
        var asset = assets.Get(tx.AssetId);
        db.Insert(new WebhookEvent
        {
            Id = id, EnvironmentId = tx.EnvironmentId, EventType = eventType, TransactionId = tx.Id, WalletId = tx.WalletId,
            Payload = PaymentEventPayload.Build(tx, environmentType, asset, eventType), CreatedAt = now,
        });

        foreach (var endpoint in await Endpoints(db, EnvironmentEndpoints, tx.EnvironmentId))
        {
            if (Accepts(endpoint.EventFilters, eventType))
                Queue(db, id, endpoint.Id, endpoint.Url, body: null, now);
        }

        if (tx.WebhookUrl is not null && eventType == PaymentEventTypes.Completed && tx.Direction == TransactionDirection.Receive)
            Queue(db, id, endpointId: null, tx.WebhookUrl, LnbitsPaymentJson.Serialize(tx, asset), now);
    }

    // An environment's type is fixed when it is created and nothing changes it, so each is read once per process
    // instead of once per event on the single writer.
    private async ValueTask<EnvironmentType> EnvironmentTypeOf(PaymentsDbContext db, string environmentId)
    {
        if (_environmentTypes.TryGetValue(environmentId, out var type))
            return type;
        type = Enum.Parse<EnvironmentType>((await db.QueryAsync("SELECT type FROM environments WHERE id = $p0", r => r.GetString(0), environmentId)).Single());
        return _environmentTypes.GetOrAdd(environmentId, type);
    }

    /// <summary>
    /// Adds a first delivery attempt in the caller's unit and wakes the delivery worker once it commits. An event
    /// nobody subscribed to queues nothing, so it is only kept for the event log and costs the worker no query.
    /// </summary>
    public void Queue(PaymentsDbContext db, string eventId, string? endpointId, string url, string? body, DateTime now)
    {
        db.Insert(NewDelivery(eventId, endpointId, url, body, now));
        SqliteDatabase.AfterCommit(signal.Notify);
    }

    /// <summary>Endpoints as a write unit sees them: id, url, filters and owning account, by a prepared statement.</summary>
    public static Task<List<EndpointTarget>> Endpoints(PaymentsDbContext db, string sql, params object?[] args) =>
        db.QueryAsync(sql, r => new EndpointTarget(r.GetString(0), r.GetString(1), r.GetString(2), r.FieldCount > 3 && !r.IsDBNull(3) ? r.GetString(3) : null), args);

    public static bool Accepts(string eventFilters, string eventType)
    {
        var filters = JsonSerializer.Deserialize<List<string>>(eventFilters) ?? [];
        return filters.Count == 0 || filters.Contains(eventType);
    }

    public static WebhookDelivery NewDelivery(string eventId, string? endpointId, string url, string? body, DateTime now) => new()
    {
        Id = Ids.New(now), EventId = eventId, EndpointId = endpointId, TargetUrl = url, Body = body, AttemptNumber = 1,
        Status = DeliveryStatus.Pending, NextAttemptAt = now, CreatedAt = now, UpdatedAt = now,
    };
}

/// <summary>Where a delivery goes: the endpoint, its URL and filters, and the account that owns it, if any.</summary>
public sealed record EndpointTarget(string Id, string Url, string EventFilters, string? AccountId);
