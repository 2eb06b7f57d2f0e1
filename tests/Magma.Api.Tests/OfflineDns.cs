using System.Net;
using System.Net.Sockets;
using Magma.Payments.Webhooks;

namespace Magma.Api.Tests;

/// <summary>
/// The tests run offline, so webhook URLs are resolved from this fixed table instead of real DNS. The seed pages'
/// <c>api.example.com</c> gets a public address (example.com's published one) so a sandbox accepts it as production
/// would; anything unlisted does not resolve.
/// </summary>
public sealed class OfflineDns : IHostAddressResolver
{
    public const string ExampleAddress = "93.184.215.14";

    private static readonly Dictionary<string, IPAddress[]> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["localhost"] = [IPAddress.Loopback],
        ["api.example.com"] = [IPAddress.Parse(ExampleAddress)],
    };

    public Task<IPAddress[]> Resolve(string host, CancellationToken cancellationToken) =>
        Names.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
}
