namespace Magma.Payments.Data;

/// <summary>One step of a transaction's timeline; event types mirror the webhooks (payment.pending …).</summary>
public sealed class TransactionEvent
{
    public long Id { get; set; }
    public required string TransactionId { get; set; }
    public required string EventType { get; set; }
    public required string Message { get; set; }
    public string? Details { get; set; }
    public DateTime CreatedAt { get; set; }
}
