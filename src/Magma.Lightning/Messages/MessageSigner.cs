using System.Security.Cryptography;
using Magma.Lightning.Crypto;
using Magma.Lightning.Encoding;

namespace Magma.Lightning.Messages;

/// <summary>
/// LND's <c>signmessage</c> / <c>verifymessage</c> format (also used by Core Lightning and LDK):
/// a recoverable signature over SHA256(SHA256("Lightning Signed Message:" + message)),
/// serialised as a header byte followed by the 64-byte compact signature, in z-base-32.
/// </summary>
public static class MessageSigner
{
    private const string Prefix = "Lightning Signed Message:";
    private const int SignatureLength = 1 + RecoverableSignature.CompactLength;

    // btcd's compact format: 27 + recovery id, plus 4 when the key is to be serialised compressed.
    private const int HeaderBase = 27;
    private const int CompressedFlag = 4;

    /// <summary>Signs the UTF-8 bytes of <paramref name="message"/>; the result is always 104 z-base-32 characters.</summary>
    public static string Sign(string message, PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(key);
        var signature = Secp256k1.SignRecoverable(Digest(message), key);
        var bytes = new byte[SignatureLength];
        bytes[0] = (byte)(HeaderBase + CompressedFlag + signature.RecoveryId);
        signature.Compact.CopyTo(bytes, 1);
        return ZBase32.Encode(bytes);
    }

    /// <summary>
    /// Recovers the signer's key. Header bytes 27..30 (uncompressed) and 31..34 (compressed) are both
    /// accepted, as LND does; the key is returned compressed either way.
    /// </summary>
    public static bool TryRecover(string message, string signature, out PublicKey key)
    {
        key = null!;
        if (message is null || !ZBase32.TryDecode(signature, out var bytes) || bytes.Length != SignatureLength)
            return false;
        var header = bytes[0] - HeaderBase;
        if (header is < 0 or > 7)
            return false;
        return Secp256k1.TryRecover(Digest(message), bytes.AsSpan(1), header & 3, out key);
    }

    /// <summary>True when <paramref name="signature"/> over <paramref name="message"/> recovers to <paramref name="key"/>.</summary>
    public static bool Verify(string message, string signature, PublicKey key) =>
        key is not null && TryRecover(message, signature, out var recovered) && recovered.Equals(key);

    private static byte[] Digest(string message)
    {
        var prefixed = System.Text.Encoding.UTF8.GetBytes(Prefix + message);
        return SHA256.HashData(SHA256.HashData(prefixed));
    }
}
