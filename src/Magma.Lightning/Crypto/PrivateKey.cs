using System.Security.Cryptography;

namespace Magma.Lightning.Crypto;

/// <summary>A secp256k1 private key (a scalar in [1, n-1]).</summary>
public sealed class PrivateKey
{
    private readonly byte[] _secret;
    private PublicKey? _publicKey;

    private PrivateKey(byte[] secret) => _secret = secret;

    public ReadOnlySpan<byte> Secret => _secret;

    public PublicKey PublicKey => _publicKey ??= Secp256k1.GetPublicKey(this);

    public string ToHex() => Convert.ToHexStringLower(_secret);

    public static PrivateKey Generate()
    {
        var buffer = new byte[32];
        do RandomNumberGenerator.Fill(buffer);
        while (!Secp256k1.IsValidSecret(buffer));
        return new PrivateKey(buffer);
    }

    public static bool TryParse(ReadOnlySpan<byte> secret, out PrivateKey key)
    {
        key = null!;
        if (secret.Length != 32 || !Secp256k1.IsValidSecret(secret))
            return false;
        key = new PrivateKey(secret.ToArray());
        return true;
    }

    public static PrivateKey ParseHex(string hex) =>
        Hex.TryDecode(hex, out var bytes) && TryParse(bytes, out var key)
            ? key
            : throw new FormatException("Not a valid secp256k1 private key.");
}
