using System.Net;
using System.Net.Sockets;
using Magma.Payments.Data;
using Magma.Payments.Errors;
using Microsoft.Extensions.Options;

namespace Magma.Payments.Webhooks;

/// <summary>
/// Decides whether a webhook URL may be saved. LIVE endpoints, and SANDBOX ones unless
/// <c>Payments:Webhooks:AllowInsecureSandboxUrls</c> is set, must be https to a host that is publicly routable, and a
/// DNS name must resolve only to public addresses. The same rule is enforced again at connect time
/// (<see cref="WebhookConnectGuard"/>), since DNS can change between now and the delivery.
/// </summary>
public sealed class WebhookUrlPolicy(IHostAddressResolver resolver, IOptions<PaymentsOptions> options)
{
    public const int MaxUrlLength = 2048;

    public WebhookAddressRule RuleFor(EnvironmentType environment) =>
        environment == EnvironmentType.Sandbox && options.Value.Webhooks.AllowInsecureSandboxUrls
            ? WebhookAddressRule.PublicOrLoopback
            : WebhookAddressRule.PublicOnly;

    /// <summary>
    /// The trimmed URL when it is acceptable for <paramref name="environment"/>; otherwise INVALID_WEBHOOK_URL naming
    /// <paramref name="property"/>, the field the URL came in (an LNbits invoice calls it <c>webhook</c>).
    /// </summary>
    public async Task<string> Validate(string? url, EnvironmentType environment, CancellationToken cancellationToken = default, string property = "url")
    {
        MagmaException Invalid(string message) => new(PaymentErrors.InvalidWebhookUrl, message, property);

        var trimmed = url?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw Invalid($"{property} is required.");
        if (trimmed.Length > MaxUrlLength)
            throw Invalid($"{property} must be at most {MaxUrlLength} characters.");
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(uri.Host))
            throw Invalid($"{property} must be an absolute http(s) URL, such as https://api.example.com/webhooks/magma.");
        if (!string.IsNullOrEmpty(uri.UserInfo))
            throw Invalid($"{property} must not contain credentials (user:password@); authenticate deliveries with the signature instead.");

        var rule = RuleFor(environment);
        if (rule == WebhookAddressRule.PublicOnly && uri.Scheme != Uri.UriSchemeHttps)
            throw Invalid(environment == EnvironmentType.Live
                ? "Webhook URLs of a LIVE environment must use https."
                : "Webhook URLs must use https (http is allowed in SANDBOX only when Payments:Webhooks:AllowInsecureSandboxUrls is true).");
        await CheckHost(uri, rule, environment, Invalid, cancellationToken);
        return trimmed;
    }

    private async Task CheckHost(Uri uri, WebhookAddressRule rule, EnvironmentType environment, Func<string, MagmaException> invalid, CancellationToken cancellationToken)
    {
        var host = uri.DnsSafeHost.TrimEnd('.').ToLowerInvariant();
        if (IPAddress.TryParse(host, out var literal))
        {
            if (WebhookAddresses.Refusal(literal, rule) is { } reason)
                throw invalid($"Webhook URL host {literal} is not a public address ({reason}); webhooks must target a publicly reachable host.");
            return;
        }
        if (host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal))
        {
            if (rule == WebhookAddressRule.PublicOrLoopback)
                return;
            throw invalid($"Webhook URL host '{host}' is a loopback name; webhooks must target a publicly reachable host.");
        }
        if (host.EndsWith(".local", StringComparison.Ordinal) || host == "local")
            throw invalid($"Webhook URL host '{host}' is a .local (mDNS) name, which is not publicly reachable.");
        if (host.EndsWith(".internal", StringComparison.Ordinal) || host == "internal")
            throw invalid($"Webhook URL host '{host}' is an .internal name, which is not publicly reachable.");
        // RFC 6761: .invalid names never resolve, anywhere.
        if (host.EndsWith(".invalid", StringComparison.Ordinal) || host == "invalid")
            throw invalid($"Webhook URL host '{host}' could not be resolved; .invalid names never resolve.");

        // A SANDBOX endpoint may name a host that does not resolve yet (the seeds' api.example.com, a machine without
        // DNS): deliveries retry, and the connect guard vets every address at delivery time. A LIVE one must resolve.
        var unresolvedIsFine = environment == EnvironmentType.Sandbox;
        IPAddress[] addresses;
        try
        {
            addresses = await resolver.Resolve(host, cancellationToken);
        }
        catch (SocketException) when (unresolvedIsFine)
        {
            return;
        }
        catch (SocketException)
        {
            throw invalid($"Webhook URL host '{host}' could not be resolved; webhooks must target a publicly reachable host.");
        }
        if (addresses.Length == 0 && !unresolvedIsFine)
            throw invalid($"Webhook URL host '{host}' resolves to no address.");
        foreach (var address in addresses)
        {
            if (WebhookAddresses.Refusal(address, rule) is { } reason)
                throw invalid($"Webhook URL host '{host}' resolves to {address}, which is not a public address ({reason}).");
        }
    }
}
