using System.Diagnostics.CodeAnalysis;
using Magma.Lightning.Crypto;

namespace Magma.Lightning;

/// <summary>A node connection string, <c>pubkey@host:port</c>. The host may be IPv4, [IPv6], a DNS name or Tor.</summary>
public sealed record NodeUri(PublicKey Pubkey, string Host, int Port)
{
    public override string ToString() => $"{Pubkey.ToHex()}@{Host}:{Port}";

    public static bool TryParse(string? value, [NotNullWhen(true)] out NodeUri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(value))
            return false;
        var at = value.IndexOf('@');
        if (at != 66 || !PublicKey.TryParseHex(value[..at], out var pubkey))
            return false;
        var address = value[(at + 1)..];
        var colon = address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(address.AsSpan(colon + 1), System.Globalization.NumberStyles.None, null, out var port) || port is < 1 or > 65535)
            return false;
        var host = address[..colon];
        if (host.Length > 255 || host.Any(c => char.IsWhiteSpace(c) || c == '/' || c == '@'))
            return false;
        uri = new NodeUri(pubkey, host, port);
        return true;
    }
}
