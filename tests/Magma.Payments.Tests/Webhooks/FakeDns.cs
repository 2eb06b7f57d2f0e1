using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Magma.Payments.Webhooks;

namespace Magma.Payments.Tests.Webhooks;

/// <summary>A DNS the test controls: names map to whatever addresses it is told, and can change (rebinding).</summary>
public sealed class FakeDns : IHostAddressResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> _names = new(StringComparer.OrdinalIgnoreCase);

    public void Map(string host, params string[] addresses) => _names[host] = addresses.Select(IPAddress.Parse).ToArray();

    public Task<IPAddress[]> Resolve(string host, CancellationToken cancellationToken) =>
        _names.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
}
