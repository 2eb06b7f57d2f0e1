namespace Magma.Payments.Data;

public sealed class WebhookEndpoint
{
    public required string Id { get; set; }
    public required string EnvironmentId { get; set; }
    public required string Url { get; set; }
    /// <summary>JSON array of event types; empty means every event.</summary>
    public required string EventFilters { get; set; }
    public bool Active { get; set; }
    public required string Secret { get; set; }
    /// <summary>Set for a marketplace account's endpoint (order events); null for an environment's payment endpoints.</summary>
    public string? AccountId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
}

/// <summary>An event in the outbox. Its id is <c>&lt;event_type&gt;:&lt;transaction id&gt;</c>, stable across retries.</summary>
public sealed class WebhookEvent
{
    public required string Id { get; set; }
    public required string EnvironmentId { get; set; }
    public required string EventType { get; set; }
    public required string Payload { get; set; }
    public string? TransactionId { get; set; }
    public string? WalletId { get; set; }
    /// <summary>The marketplace account an order event is for; null for payment events.</summary>
    public string? AccountId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum DeliveryStatus { Pending, InProgress, Success, Failed }

/// <summary>One attempt to deliver an event to one target (an endpoint, or an invoice's own webhook URL).</summary>
public sealed class WebhookDelivery
{
    public required string Id { get; set; }
    public required string EventId { get; set; }
    public string? EndpointId { get; set; }
    public required string TargetUrl { get; set; }
    /// <summary>A body of its own (an LNbits-style invoice webhook); null means the event payload.</summary>
    public string? Body { get; set; }
    public int AttemptNumber { get; set; }
    public DeliveryStatus Status { get; set; }
    public int? HttpStatus { get; set; }
    public string? ErrorMessage { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
