namespace Magma.Lightning;

public enum InvoiceState { Open, Settled, Canceled, Accepted }

/// <summary>An invoice as the node sees it. Hashes and preimages are lowercase hex.</summary>
public sealed record LightningInvoice(
    string PaymentHash,
    string PaymentRequest,
    long ValueMsat,
    long AmountPaidMsat,
    InvoiceState State,
    bool IsHold,
    string? Memo,
    string? Preimage,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? SettledAt,
    int? HtlcExpiryHeight,
    long AddIndex,
    long SettleIndex);

/// <summary>Parameters for a normal invoice; the node chooses the preimage unless one is given.</summary>
public sealed record CreateInvoiceParams(
    long AmountMsat,
    string? Memo = null,
    string? DescriptionHash = null,
    TimeSpan? Expiry = null,
    string? Preimage = null,
    bool PrivateRouteHints = false);

/// <summary>Parameters for a hold invoice: the caller owns the preimage and only gives its hash.</summary>
public sealed record CreateHoldInvoiceParams(
    string PaymentHash,
    long AmountMsat,
    string? Memo = null,
    string? DescriptionHash = null,
    TimeSpan? Expiry = null,
    int? CltvExpiry = null,
    bool PrivateRouteHints = false);

public enum CreateInvoiceOutcome { Created, DuplicatePaymentHash }

public sealed record CreatedInvoice(string PaymentHash, string PaymentRequest, long AddIndex);

public sealed record CreateInvoiceResult(CreateInvoiceOutcome Outcome, CreatedInvoice? Invoice)
{
    public static CreateInvoiceResult Duplicate { get; } = new(CreateInvoiceOutcome.DuplicatePaymentHash, null);
}

/// <summary>LND semantics: settling twice succeeds, settling an OPEN or CANCELED hold invoice fails.</summary>
public enum SettleInvoiceResult { Settled, NotFound, StillOpen, AlreadyCanceled }

/// <summary>LND semantics: cancelling twice succeeds, cancelling a SETTLED invoice fails.</summary>
public enum CancelInvoiceResult { Canceled, NotFound, AlreadySettled }
