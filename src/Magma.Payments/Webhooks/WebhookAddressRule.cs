namespace Magma.Payments.Webhooks;

/// <summary>Which hosts a webhook may reach: checked when a URL is saved and again on every connection.</summary>
public enum WebhookAddressRule
{
    /// <summary>Only publicly routable addresses, over https.</summary>
    PublicOnly,

    /// <summary>
    /// Sandbox with <c>Payments:Webhooks:AllowInsecureSandboxUrls</c>: also loopback and plain http, so a developer can
    /// receive on their own machine. Private and link-local ranges stay closed: a sandbox may run on a shared server.
    /// </summary>
    PublicOrLoopback,
}
