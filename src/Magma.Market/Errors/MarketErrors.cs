using Magma.Payments.Errors;

namespace Magma.Market.Errors;

/// <summary>The marketplace's part of the error catalogue (same <see cref="MagmaError"/> type as the payments core).</summary>
public static class MarketErrors
{
    public static readonly MagmaError Unauthenticated = new("unauthenticated", ErrorKind.Unauthenticated);
    public static readonly MagmaError Forbidden = new("forbidden", ErrorKind.Forbidden);
    public static readonly MagmaError OrderNotFound = new("order-not-found", ErrorKind.NotFound);
    public static readonly MagmaError OfferNotFound = new("offer-not-found", ErrorKind.NotFound);
    public static readonly MagmaError AccountNotFound = new("account-not-found", ErrorKind.NotFound);
    public static readonly MagmaError InvalidOrderState = new("invalid-order-state", ErrorKind.Conflict);
    public static readonly MagmaError OrderChanged = new("order-changed", ErrorKind.Conflict);
    public static readonly MagmaError MinAmountViolated = new("min-amount-violated", ErrorKind.Validation);
    public static readonly MagmaError NoMatchingOffer = new("no-matching-offer", ErrorKind.Validation);
    public static readonly MagmaError InvalidConnectionUri = new("invalid-connection-uri", ErrorKind.Validation);
    public static readonly MagmaError InvalidSellerInvoice = new("invalid-seller-invoice", ErrorKind.Validation);
    public static readonly MagmaError PaymentHashInUse = new("payment-hash-in-use", ErrorKind.Conflict);
    public static readonly MagmaError InvalidTransactionId = new("invalid-transaction-id", ErrorKind.Validation);
    public static readonly MagmaError ChannelPointInUse = new("channel-point-in-use", ErrorKind.Conflict);
    public static readonly MagmaError NodeNotVerified = new("node-not-verified", ErrorKind.Forbidden);
    public static readonly MagmaError InvalidSignature = new("invalid-signature", ErrorKind.Unauthenticated);
    public static readonly MagmaError OfferAdminDisabled = new("offer-admin-disabled", ErrorKind.Forbidden);
    public static readonly MagmaError UnsupportedAsset = new("unsupported-asset", ErrorKind.Validation);

    public static MagmaException Invalid(string message, string? property = null) => new(PaymentErrors.InvalidInput, message, property);
}
