using System.Net;
using System.Net.Sockets;

namespace Magma.Api.Hosting;

/// <summary>
/// Section <c>Magma:ForwardedHeaders</c>: the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
/// are believed. Empty by default, so no forwarded header is trusted until an operator names a proxy.
/// </summary>
public sealed class TrustedProxiesOptions
{
    public const string Section = "Magma:ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c> or <c>fd00::5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many <c>X-Forwarded-For</c> entries are read from the right: one per listed proxy in a chain.</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    /// <summary>
    /// A whole address only. <see cref="IPAddress.TryParse(string, out IPAddress)"/> alone also takes <c>10.1</c>
    /// (10.0.0.1) and octal parts, which would quietly trust an address nobody meant, so IPv4 must be written canonically.
    /// </summary>
    public static bool TryParseAddress(string text, out IPAddress address) =>
        IPAddress.TryParse(text, out address!)
        && (address.AddressFamily == AddressFamily.InterNetworkV6 ? !text.StartsWith('[') : address.ToString() == text);

    /// <summary>CIDR with no bits set past the prefix (<c>10.0.0.1/8</c> is refused as a likely typo).</summary>
    public static bool TryParseNetwork(string text, out IPNetwork network)
    {
        network = default;
        var slash = text.IndexOf('/');
        return slash > 0 && TryParseAddress(text[..slash], out var address) && IPNetwork.TryParse(text, out network)
            && network.BaseAddress.Equals(address);
    }
}
