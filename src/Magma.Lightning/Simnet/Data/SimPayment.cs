namespace Magma.Lightning.Simnet.Data;

public sealed class SimPayment
{
    public long Id { get; set; }
    public required string NodePubkey { get; set; }
    public required string PaymentHash { get; set; }
    public required string PaymentRequest { get; set; }
    public required string Destination { get; set; }
    public long ValueMsat { get; set; }
    public long FeeMsat { get; set; }
    public PaymentStatus Status { get; set; }
    public string? Preimage { get; set; }
    public PaymentFailureReason FailureReason { get; set; }
    /// <summary>JSON list of <see cref="Routing.RouteHop"/>: the channel balances this payment moves.</summary>
    public required string Route { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }

    public LightningPayment ToPort() => new(
        PaymentHash, PaymentRequest, Status, ValueMsat, FeeMsat, Preimage, FailureReason, new DateTimeOffset(CreatedAt));
}
