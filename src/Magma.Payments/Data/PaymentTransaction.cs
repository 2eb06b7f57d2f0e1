namespace Magma.Payments.Data;

public enum TransactionDirection { Receive, Send }

public enum TransactionStatus { Pending, Completed, Failed, Expired }

/// <summary>
/// Where a transaction is in our own processing, finer than its public status: a row is inserted as
/// <see cref="Reserved"/> while an idempotent request is being served, then moves on.
/// </summary>
public enum TransactionStage
{
    /// <summary>The idempotency key is claimed; the invoice or payment is not made yet.</summary>
    Reserved,
    /// <summary>Receive: the invoice exists and waits for payment. Send: ready to dispatch to the node.</summary>
    Open,
    /// <summary>Send: handed to the node; the tracker follows it until it is final.</summary>
    Dispatched,
    /// <summary>Sandbox: an outcome is scheduled at <see cref="PaymentTransaction.SandboxDueAt"/>.</summary>
    SandboxScheduled,
    /// <summary>
    /// A send and the receive of another wallet on the same node whose invoice it pays: claimed for internal
    /// settlement while the node cancels its copy of the invoice (see InternalSettlement).
    /// </summary>
    Internal,
    Final,
}

/// <summary>One receive or send. Amounts are in the wallet asset's base unit (msat for BTC).</summary>
public sealed class PaymentTransaction
{
    public required string Id { get; set; }
    public required string EnvironmentId { get; set; }
    public required string WalletId { get; set; }
    public TransactionDirection Direction { get; set; }
    public TransactionStatus Status { get; set; }
    public TransactionStage Stage { get; set; }
    public required string AssetId { get; set; }
    public long Amount { get; set; }
    public long AmountMsat { get; set; }
    public long FeeMsat { get; set; }
    public long FeeReserveMsat { get; set; }
    public long? SettleAmount { get; set; }
    public string? ExchangeRate { get; set; }
    public string? PaymentHash { get; set; }
    public string? PaymentRequest { get; set; }
    public string? Preimage { get; set; }
    public string? Description { get; set; }
    public string? DescriptionHash { get; set; }
    public string? Metadata { get; set; }
    public string? Error { get; set; }
    public required string IdempotencyKey { get; set; }
    public string? SandboxBehavior { get; set; }
    public DateTime? SandboxDueAt { get; set; }
    public bool IsHold { get; set; }
    public bool IsInternal { get; set; }
    public string? LightningAddress { get; set; }
    public string? WebhookUrl { get; set; }
    public string? WebhookStatus { get; set; }
    /// <summary>LNbits-style free-form JSON object.</summary>
    public string? Extra { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? HeldAt { get; set; }
    public DateTime? SettledAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
