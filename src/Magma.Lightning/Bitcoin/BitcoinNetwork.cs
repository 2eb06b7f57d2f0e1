namespace Magma.Lightning.Bitcoin;

/// <summary>A Bitcoin network with its BOLT11 prefix and SegWit address prefix.</summary>
public sealed record BitcoinNetwork(string Name, string Bolt11Prefix, string AddressHrp)
{
    public static readonly BitcoinNetwork Mainnet = new("mainnet", "lnbc", "bc");
    public static readonly BitcoinNetwork Testnet = new("testnet", "lntb", "tb");
    public static readonly BitcoinNetwork Signet = new("signet", "lntbs", "tb");
    public static readonly BitcoinNetwork Regtest = new("regtest", "lnbcrt", "bcrt");

    /// <summary>btcd's simnet; only its invoice prefix matters to us ("lnsb"), its addresses use "sb".</summary>
    public static readonly BitcoinNetwork Simnet = new("simnet", "lnsb", "sb");

    public static IReadOnlyList<BitcoinNetwork> All { get; } = [Mainnet, Testnet, Signet, Regtest, Simnet];

    public static BitcoinNetwork? FromName(string? name) =>
        All.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Name;
}
