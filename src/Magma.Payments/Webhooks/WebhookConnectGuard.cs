using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Magma.Payments.Webhooks;

/// <summary>
/// The HTTP handlers webhook deliveries go through. Each resolves the target itself and refuses to connect when
/// an address breaks its <see cref="WebhookAddressRule"/>, then connects to exactly the addresses it checked: a
/// DNS answer that changed since the URL was saved (DNS rebinding) cannot steer a delivery into a private network.
/// One handler per rule, so a connection opened under the looser rule is never reused under the strict one.
/// </summary>
public sealed class WebhookConnectGuard(WebhookAddressRule rule, IHostAddressResolver resolver)
{
    public const string PublicClient = "magma-webhooks";
    public const string SandboxClient = "magma-webhooks-sandbox";

    public static string ClientName(WebhookAddressRule rule) => rule == WebhookAddressRule.PublicOnly ? PublicClient : SandboxClient;

    public static SocketsHttpHandler CreateHandler(WebhookAddressRule rule, IHostAddressResolver resolver) => new()
    {
        ConnectCallback = new WebhookConnectGuard(rule, resolver).Connect,
        // A redirect is an answer, not an instruction: following it would let a target bounce us elsewhere.
        AllowAutoRedirect = false,
        // Through a proxy the guard would vet the proxy, not the target.
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    public async ValueTask<Stream> Connect(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.TrimStart('[').TrimEnd(']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.Resolve(host, cancellationToken);
        if (addresses.Length == 0)
            throw new HttpRequestException($"{host} resolves to no address.");
        foreach (var address in addresses)
        {
            if (WebhookAddresses.Refusal(address, rule) is { } reason)
                throw new HttpRequestException($"Refused to connect: {host} resolves to {address}, which is not a public address ({reason}).");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
