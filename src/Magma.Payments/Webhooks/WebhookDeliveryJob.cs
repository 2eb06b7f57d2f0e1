namespace Magma.Payments.Webhooks;

/// <summary>
/// A claimed delivery, with everything needed to send it outside the database: the body to POST byte for byte,
/// the secret to sign with (null for an LNbits-style invoice webhook, sent unsigned) and the address rule.
/// </summary>
public sealed record WebhookDeliveryJob(
    string DeliveryId,
    string EventId,
    string? EndpointId,
    string TargetUrl,
    string Body,
    string? Secret,
    WebhookAddressRule Rule,
    int AttemptNumber,
    string? TransactionId);
