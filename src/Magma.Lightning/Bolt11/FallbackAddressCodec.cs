using Magma.Lightning.Bitcoin;
using Magma.Lightning.Encoding;

namespace Magma.Lightning.Bolt11;

// An f field: a 5-bit version (0..16 witness, 17 P2PKH, 18 P2SH) followed by the program or hash.
internal static class FallbackAddressCodec
{
    public const int P2pkhVersion = 17;
    public const int P2shVersion = 18;

    // Null for an empty field or a version above 18: readers must skip those.
    public static FallbackAddress? Read(ReadOnlySpan<byte> words, BitcoinNetwork network)
    {
        if (words.IsEmpty || words[0] > P2shVersion)
            return null;
        var version = (int)words[0];
        var data = new byte[(words.Length - 1) * 5 / 8];
        Bech32Words.ToBytesTruncating(words[1..], data);
        return new FallbackAddress(version, data, Render(version, data, network));
    }

    public static string? Render(int version, byte[] data, BitcoinNetwork network)
    {
        if (version <= SegwitAddress.MaxWitnessVersion)
            return SegwitAddress.TryFromProgram(network, version, data, out var segwit) ? segwit.Encode() : null;
        if (data.Length != LegacyAddress.HashLength)
            return null;
        return version == P2pkhVersion ? LegacyAddress.P2pkh(network, data) : LegacyAddress.P2sh(network, data);
    }
}
