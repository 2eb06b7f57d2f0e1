using Magma.Lightning.Encoding;

namespace Magma.Lightning.Bitcoin;

/// <summary>Base58check P2PKH and P2SH addresses: a network version byte followed by a 20-byte hash.</summary>
public static class LegacyAddress
{
    public const int HashLength = 20;

    /// <exception cref="ArgumentException">The hash is not 20 bytes.</exception>
    public static string P2pkh(BitcoinNetwork network, ReadOnlySpan<byte> pubKeyHash) =>
        Encode(network.PubKeyHashVersion, pubKeyHash);

    /// <exception cref="ArgumentException">The hash is not 20 bytes.</exception>
    public static string P2sh(BitcoinNetwork network, ReadOnlySpan<byte> scriptHash) =>
        Encode(network.ScriptHashVersion, scriptHash);

    /// <summary>Parses an address of <paramref name="network"/>; <paramref name="isScriptHash"/> tells P2SH from P2PKH.</summary>
    public static bool TryParse(string? address, BitcoinNetwork network, out byte[] hash, out bool isScriptHash)
    {
        hash = [];
        isScriptHash = false;
        if (!Base58Check.TryDecode(address, out var payload) || payload.Length != 1 + HashLength)
            return false;
        if (payload[0] == network.PubKeyHashVersion)
            isScriptHash = false;
        else if (payload[0] == network.ScriptHashVersion)
            isScriptHash = true;
        else
            return false;
        hash = payload[1..];
        return true;
    }

    private static string Encode(byte version, ReadOnlySpan<byte> hash)
    {
        if (hash.Length != HashLength)
            throw new ArgumentException($"A legacy address hash is {HashLength} bytes.", nameof(hash));
        Span<byte> payload = stackalloc byte[1 + HashLength];
        payload[0] = version;
        hash.CopyTo(payload[1..]);
        return Base58Check.Encode(payload);
    }
}
