namespace Magma.Payments.Transactions;

/// <summary>
/// A receive as the core understands it, whichever API asked: the amount is in the wallet's unit (msat for BTC).
/// A <see cref="HoldPaymentHash"/> makes it a hold invoice whose preimage the caller keeps, unless the caller hands
/// that preimage over as <see cref="HoldPreimage"/> for the server to keep and release on settlement.
/// </summary>
public sealed record InvoiceRequest(
    string WalletId,
    long Amount,
    string? Description,
    TimeSpan Expiry,
    string? IdempotencyKey = null,
    string? Metadata = null,
    string? DescriptionHash = null,
    string? WebhookUrl = null,
    string? Extra = null,
    string? HoldPaymentHash = null,
    int? CltvExpiry = null,
    string? HoldPreimage = null);
