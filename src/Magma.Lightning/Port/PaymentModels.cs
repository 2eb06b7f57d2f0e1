namespace Magma.Lightning;

public enum PaymentStatus { InFlight, Succeeded, Failed }

/// <summary>LND's PaymentFailureReason.</summary>
public enum PaymentFailureReason { None, Timeout, NoRoute, Error, IncorrectPaymentDetails, InsufficientBalance, Canceled }

public sealed record PayInvoiceParams(string PaymentRequest, long FeeLimitMsat, TimeSpan Timeout, long? AmountMsat = null);

public sealed record LightningPayment(
    string PaymentHash,
    string PaymentRequest,
    PaymentStatus Status,
    long ValueMsat,
    long FeeMsat,
    string? Preimage,
    PaymentFailureReason FailureReason,
    DateTimeOffset CreatedAt);

public enum PayOutcome
{
    /// <summary>The payment settled; the preimage is known.</summary>
    Succeeded,
    /// <summary>The payment failed for good; see the failure reason.</summary>
    Failed,
    /// <summary>Still in flight when the call returned (for example a hold invoice on the far side).</summary>
    InFlight,
    /// <summary>This hash was paid before (LND: "invoice is already paid").</summary>
    AlreadyPaid,
    /// <summary>The node refused the request before trying: expired, wrong network, bad amount, self-payment.</summary>
    Rejected,
}

public sealed record PayResult(PayOutcome Outcome, LightningPayment? Payment, string? Error = null);
