using System.Net;

namespace Magma.Payments.Webhooks;

/// <summary>Resolves a host name to its addresses; tests substitute it to play DNS, including a rebinding DNS.</summary>
public interface IHostAddressResolver
{
    Task<IPAddress[]> Resolve(string host, CancellationToken cancellationToken);
}

public sealed class DnsHostAddressResolver : IHostAddressResolver
{
    public Task<IPAddress[]> Resolve(string host, CancellationToken cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken);
}
