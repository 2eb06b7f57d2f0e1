namespace Magma.Lightning.Crypto;

/// <summary>A secp256k1 public key, always held in its 33-byte compressed form.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(PublicKeyJsonConverter))]
public sealed class PublicKey : IEquatable<PublicKey>
{
    private readonly byte[] _compressed;

    private PublicKey(byte[] compressed) => _compressed = compressed;

    public ReadOnlySpan<byte> Compressed => _compressed;

    public string ToHex() => Convert.ToHexStringLower(_compressed);

    public override string ToString() => ToHex();

    /// <summary>Parses a compressed key and checks that it is a point on the curve.</summary>
    public static bool TryParse(ReadOnlySpan<byte> compressed, out PublicKey key)
    {
        key = null!;
        if (compressed.Length != 33 || (compressed[0] != 2 && compressed[0] != 3))
            return false;
        if (!Secp256k1.IsValidCompressedPoint(compressed))
            return false;
        key = new PublicKey(compressed.ToArray());
        return true;
    }

    public static bool TryParseHex(string? hex, out PublicKey key)
    {
        key = null!;
        if (hex is null || hex.Length != 66 || !Hex.TryDecode(hex, out var bytes))
            return false;
        return TryParse(bytes, out key);
    }

    public static PublicKey ParseHex(string hex) =>
        TryParseHex(hex, out var key) ? key : throw new FormatException("Not a compressed secp256k1 public key.");

    /// <summary>For keys already known to be valid (derived or recovered by this library).</summary>
    internal static PublicKey FromTrustedCompressed(byte[] compressed) => new(compressed);

    public bool Equals(PublicKey? other) => other is not null && _compressed.AsSpan().SequenceEqual(other._compressed);

    public override bool Equals(object? obj) => obj is PublicKey other && Equals(other);

    public override int GetHashCode() => BitConverter.ToInt32(_compressed, 1);
}
