namespace Magma.Payments.Webhooks;

/// <summary>What one POST came to: an HTTP status when the target answered, an error when it failed.</summary>
public sealed record WebhookDeliveryOutcome(int? HttpStatus, string? Error)
{
    public bool Succeeded => Error is null && HttpStatus is >= 200 and < 300;
}
