using System.Net;
using System.Net.Sockets;

namespace Magma.Payments.Webhooks;

/// <summary>
/// Classifies IP addresses for webhook targets. Anything that is not globally routable is refused, so an API key
/// holder cannot make the server call into its own network (SSRF), including cloud metadata at 169.254.169.254.
/// </summary>
public static class WebhookAddresses
{
    private static readonly (IPNetwork Network, string Reason)[] NonPublicRanges =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified, 0.0.0.0/8"),
        (IPNetwork.Parse("10.0.0.0/8"), "private, RFC 1918"),
        (IPNetwork.Parse("100.64.0.0/10"), "carrier-grade NAT, 100.64.0.0/10"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local"),
        (IPNetwork.Parse("172.16.0.0/12"), "private, RFC 1918"),
        (IPNetwork.Parse("192.0.0.0/24"), "IETF protocol assignments, 192.0.0.0/24"),
        (IPNetwork.Parse("192.0.2.0/24"), "documentation, 192.0.2.0/24"),
        (IPNetwork.Parse("192.168.0.0/16"), "private, RFC 1918"),
        (IPNetwork.Parse("198.18.0.0/15"), "benchmarking, 198.18.0.0/15"),
        (IPNetwork.Parse("198.51.100.0/24"), "documentation, 198.51.100.0/24"),
        (IPNetwork.Parse("203.0.113.0/24"), "documentation, 203.0.113.0/24"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved or broadcast, 240.0.0.0/4"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("::/96"), "IPv4-compatible, deprecated"),
        (IPNetwork.Parse("100::/64"), "discard-only, 100::/64"),
        (IPNetwork.Parse("2001::/32"), "Teredo tunnel, 2001::/32"),
        (IPNetwork.Parse("2001:db8::/32"), "documentation, 2001:db8::/32"),
        (IPNetwork.Parse("fc00::/7"), "unique local, fc00::/7"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("fec0::/10"), "site-local, deprecated"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <summary>Why <paramref name="address"/> is not public (for example "private, RFC 1918"), or null when it is.</summary>
    public static string? NonPublicReason(IPAddress address)
    {
        address = EmbeddedIPv4(address) ?? address;
        foreach (var (network, reason) in NonPublicRanges)
        {
            if (network.Contains(address))
                return reason;
        }
        return null;
    }

    /// <summary>Why <paramref name="rule"/> refuses <paramref name="address"/>, or null when it may be reached.</summary>
    public static string? Refusal(IPAddress address, WebhookAddressRule rule)
    {
        if (rule == WebhookAddressRule.PublicOrLoopback && IPAddress.IsLoopback(EmbeddedIPv4(address) ?? address))
            return null;
        return NonPublicReason(address);
    }

    /// <summary>
    /// The IPv4 address hidden in an IPv4-mapped, NAT64 or 6to4 IPv6 address: those reach the IPv4 host, so it is
    /// the IPv4 address that must be public.
    /// </summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return null;
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address))
            return new IPAddress(bytes.AsSpan(12, 4));
        if (SixToFour.Contains(address))
            return new IPAddress(bytes.AsSpan(2, 4));
        return null;
    }
}
