using Magma.Lightning.Bitcoin;

namespace Magma.Lightning.Bolt11;

/// <summary>Builds <see cref="FallbackAddress"/> values for drafts from ordinary address strings.</summary>
public static class FallbackAddresses
{
    /// <summary>Accepts a SegWit address (version 0..16) or a P2PKH/P2SH address of <paramref name="network"/>.</summary>
    /// <exception cref="ArgumentException">The string is no address of that network.</exception>
    public static FallbackAddress FromAddress(string address, BitcoinNetwork network)
    {
        if (SegwitAddress.TryParse(address, network, out var segwit))
            return new FallbackAddress(segwit.WitnessVersion, segwit.Program.ToArray(), segwit.Encode());
        if (LegacyAddress.TryParse(address, network, out var hash, out var isScriptHash))
        {
            var version = isScriptHash ? FallbackAddressCodec.P2shVersion : FallbackAddressCodec.P2pkhVersion;
            return new FallbackAddress(version, hash, address);
        }
        throw new ArgumentException($"'{address}' is not a {network} address.", nameof(address));
    }
}
