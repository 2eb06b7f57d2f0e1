using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Magma.Payments.Webhooks;

/// <summary>
/// POSTs one delivery: the stored body byte for byte as <c>application/json</c>, signed when it goes to an endpoint.
/// Every failure becomes an outcome with a readable reason; nothing here touches the database.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider time)
{
    public const string UserAgent = "Magma-Webhooks/1.0";
    private const int MaxErrorLength = 500;

    public async Task<WebhookDeliveryOutcome> Send(WebhookDeliveryJob job, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(WebhookConnectGuard.ClientName(job.Rule));
        try
        {
            using var request = Request(job);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
                return new WebhookDeliveryOutcome(status, null);
            var redirect = status is >= 300 and < 400 ? "; redirects are not followed" : "";
            return new WebhookDeliveryOutcome(status, $"The endpoint answered HTTP {status} ({response.ReasonPhrase}){redirect}.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookDeliveryOutcome(null, $"The endpoint did not answer within {client.Timeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException ex)
        {
            return new WebhookDeliveryOutcome(null, Truncate($"Could not deliver: {ex.Message}"));
        }
        catch (Exception ex) when (ex is InvalidOperationException or UriFormatException or NotSupportedException)
        {
            return new WebhookDeliveryOutcome(null, Truncate($"Could not deliver to {job.TargetUrl}: {ex.Message}"));
        }
    }

    private HttpRequestMessage Request(WebhookDeliveryJob job)
    {
        var body = Encoding.UTF8.GetBytes(job.Body);
        var request = new HttpRequestMessage(HttpMethod.Post, job.TargetUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (job.Secret is not null)
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(WebhookSigner.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSigner.SignatureHeader, WebhookSigner.Sign(job.Secret, timestamp, body));
        }
        return request;
    }

    private static string Truncate(string message) => message.Length <= MaxErrorLength ? message : message[..MaxErrorLength];
}
