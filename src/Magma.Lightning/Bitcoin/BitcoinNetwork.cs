namespace Magma.Lightning.Bitcoin;

/// <summary>A Bitcoin network with its BOLT11 prefix, SegWit address prefix and base58 address versions.</summary>
public sealed record BitcoinNetwork(string Name, string Bolt11Prefix, string AddressHrp)
{
    public static readonly BitcoinNetwork Mainnet = new("mainnet", "lnbc", "bc") { PubKeyHashVersion = 0x00, ScriptHashVersion = 0x05 };
    public static readonly BitcoinNetwork Testnet = new("testnet", "lntb", "tb") { PubKeyHashVersion = 0x6f, ScriptHashVersion = 0xc4 };
    public static readonly BitcoinNetwork Signet = new("signet", "lntbs", "tb") { PubKeyHashVersion = 0x6f, ScriptHashVersion = 0xc4 };
    public static readonly BitcoinNetwork Regtest = new("regtest", "lnbcrt", "bcrt") { PubKeyHashVersion = 0x6f, ScriptHashVersion = 0xc4 };

    /// <summary>btcd's simnet; only its invoice prefix matters to us ("lnsb"), its addresses use "sb".</summary>
    public static readonly BitcoinNetwork Simnet = new("simnet", "lnsb", "sb") { PubKeyHashVersion = 0x3f, ScriptHashVersion = 0x7b };

    public static IReadOnlyList<BitcoinNetwork> All { get; } = [Mainnet, Testnet, Signet, Regtest, Simnet];

    /// <summary>The base58check version byte of P2PKH addresses.</summary>
    public byte PubKeyHashVersion { get; init; }

    /// <summary>The base58check version byte of P2SH addresses.</summary>
    public byte ScriptHashVersion { get; init; }

    public static BitcoinNetwork? FromName(string? name) =>
        All.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The network whose BOLT11 prefix is <paramref name="prefix"/> (e.g. "lntbs"), compared ordinally in lowercase.</summary>
    public static BitcoinNetwork? FromBolt11Prefix(ReadOnlySpan<char> prefix)
    {
        foreach (var network in All)
            if (prefix.Equals(network.Bolt11Prefix, StringComparison.Ordinal))
                return network;
        return null;
    }

    public override string ToString() => Name;
}
