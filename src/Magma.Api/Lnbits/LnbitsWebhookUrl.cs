using Magma.Payments.Environments;
using Magma.Payments.Errors;
using Magma.Payments.Webhooks;

namespace Magma.Api.Lnbits;

/// <summary>
/// An invoice's own <c>webhook</c> URL, held to the same rules as a webhook endpoint of the wallet's environment
/// (public https in LIVE; loopback and http too in a SANDBOX that allows them): the server will POST to it, so an
/// invoice key must not be able to aim it into the server's own network.
/// </summary>
internal static class LnbitsWebhookUrl
{
    public static async Task<string?> Validate(LnbitsBody body, LnbitsKey key, EnvironmentService environments, WebhookUrlPolicy policy, CancellationToken cancellationToken)
    {
        var webhook = body.Text("webhook");
        if (string.IsNullOrWhiteSpace(webhook))
            return null;
        var environment = await environments.Find(key.Caller, key.Caller.EnvironmentId);
        try
        {
            return await policy.Validate(webhook, environment.Type, cancellationToken, property: "webhook");
        }
        catch (MagmaException error) when (error.Error == PaymentErrors.InvalidWebhookUrl)
        {
            throw LnbitsProblem.BadRequest(error.Message);
        }
    }
}
