namespace Magma.Payments.Errors;

/// <summary>The payments core's part of the error catalogue.</summary>
public static class PaymentErrors
{
    public static readonly MagmaError Unauthenticated = new("unauthenticated", ErrorKind.Unauthenticated);
    public static readonly MagmaError Forbidden = new("forbidden", ErrorKind.Forbidden);
    public static readonly MagmaError InvalidInput = new("invalid-input", ErrorKind.Validation);
    public static readonly MagmaError InvalidId = new("invalid-id", ErrorKind.Validation);
    public static readonly MagmaError EnvironmentNotFound = new("environment-not-found", ErrorKind.NotFound);
    public static readonly MagmaError LiveEnvironmentUnavailable = new("live-environment-unavailable", ErrorKind.Validation);
    public static readonly MagmaError WalletNotFound = new("wallet-not-found", ErrorKind.NotFound);
    public static readonly MagmaError AssetNotFound = new("asset-not-found", ErrorKind.Validation);
    public static readonly MagmaError ApiKeyNotFound = new("api-key-not-found", ErrorKind.NotFound);
    public static readonly MagmaError TransactionNotFound = new("transaction-not-found", ErrorKind.NotFound);
    public static readonly MagmaError IdempotencyInProgress = new("idempotency-key-in-progress", ErrorKind.Conflict);
    public static readonly MagmaError InvalidInvoice = new("invalid-invoice", ErrorKind.Validation);
    public static readonly MagmaError InvoiceNetworkNotAllowed = new("invoice-network-not-allowed", ErrorKind.Validation);
    public static readonly MagmaError InvoiceExpired = new("invoice-expired", ErrorKind.Validation);
    public static readonly MagmaError AmountlessInvoice = new("amountless-invoice", ErrorKind.Validation);
    public static readonly MagmaError LightningAddressUnsupported = new("lightning-address-unsupported", ErrorKind.Validation);
    public static readonly MagmaError LightningAddressFailed = new("lightning-address-failed", ErrorKind.PaymentFailed);
    public static readonly MagmaError InsufficientBalance = new("insufficient-balance", ErrorKind.PaymentFailed);
    public static readonly MagmaError AlreadyPaid = new("invoice-already-paid", ErrorKind.PaymentFailed);
    public static readonly MagmaError HoldInvoiceNotFound = new("hold-invoice-not-found", ErrorKind.NotFound);
    public static readonly MagmaError HoldInvoiceNotAccepted = new("hold-invoice-not-accepted", ErrorKind.PaymentFailed);
    public static readonly MagmaError InvalidPreimage = new("invalid-preimage", ErrorKind.PaymentFailed);
    public static readonly MagmaError DuplicatePaymentHash = new("duplicate-payment-hash", ErrorKind.Conflict);
    public static readonly MagmaError WebhookEndpointNotFound = new("webhook-endpoint-not-found", ErrorKind.NotFound);
    public static readonly MagmaError WebhookEventNotFound = new("webhook-event-not-found", ErrorKind.NotFound);
    public static readonly MagmaError InvalidWebhookUrl = new("invalid-webhook-url", ErrorKind.Validation);
    public static readonly MagmaError NodeUnavailable = new("lightning-node-unavailable", ErrorKind.Unavailable);

    public static MagmaException Invalid(string message, string? property = null) => new(InvalidInput, message, property);
}
