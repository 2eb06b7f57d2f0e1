using System.Text.Json;
using Magma.Lightning.Storage;
using Magma.Payments.Data;
using Magma.Payments.Webhooks;

namespace Magma.Payments.Transactions;

/// <summary>
/// Records a step of a transaction: a timeline event and, for the public event types, the webhook outbox rows,
/// all in the unit that changed the transaction, so nothing is emitted for a change that did not commit.
/// </summary>
public sealed class TransactionTimeline(WebhookOutbox outbox)
{
    public async Task Record(PaymentsDbContext db, PaymentTransaction tx, string eventType, string message, object? details, DateTime now)
    {
        db.Insert(new TransactionEvent
        {
            TransactionId = tx.Id, EventType = eventType, Message = message, CreatedAt = now,
            Details = details is null ? null : JsonSerializer.Serialize(details, TimelineJson),
        });
        if (PaymentEventTypes.Webhook.Contains(eventType))
            await outbox.Add(db, tx, eventType, now);
    }

    private static readonly JsonSerializerOptions TimelineJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
