namespace Magma.Lightning.Simnet.Data;

public sealed class SimInvoice
{
    public required string NodePubkey { get; set; }
    public required string PaymentHash { get; set; }
    public required string PaymentRequest { get; set; }
    public string? Preimage { get; set; }
    public bool IsHold { get; set; }
    public long ValueMsat { get; set; }
    public long AmountPaidMsat { get; set; }
    public InvoiceState State { get; set; }
    public string? Memo { get; set; }
    public string? DescriptionHash { get; set; }
    public int CltvExpiry { get; set; }
    public int? HtlcExpiryHeight { get; set; }
    public long AddIndex { get; set; }
    public long SettleIndex { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? SettledAt { get; set; }

    public LightningInvoice ToPort() => new(
        PaymentHash, PaymentRequest, ValueMsat, AmountPaidMsat, State, IsHold, Memo,
        // A hold invoice's preimage is only known to the node once the holder settles it.
        State == InvoiceState.Settled || !IsHold ? Preimage : null,
        new DateTimeOffset(CreatedAt), new DateTimeOffset(ExpiresAt),
        SettledAt is null ? null : new DateTimeOffset(SettledAt.Value),
        HtlcExpiryHeight, AddIndex, SettleIndex);
}
