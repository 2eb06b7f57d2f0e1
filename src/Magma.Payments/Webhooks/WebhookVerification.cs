namespace Magma.Payments.Webhooks;

/// <summary>The outcome of checking a delivery's signature; the failure names follow the Amboss SDK's error codes.</summary>
public enum WebhookVerification
{
    Valid,
    MissingSecret,
    MissingSignature,
    MissingTimestamp,
    InvalidTimestamp,
    TimestampOutOfTolerance,
    InvalidSignatureFormat,
    SignatureMismatch,
}
