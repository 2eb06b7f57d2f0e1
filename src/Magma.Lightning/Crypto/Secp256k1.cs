using System.Security.Cryptography;
using Magma.Lightning.Crypto.Fast;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;

namespace Magma.Lightning.Crypto;

/// <summary>
/// secp256k1 operations Magma needs: key derivation, RFC6979 low-S recoverable signing,
/// public-key recovery and verification.
/// </summary>
/// <remarks>
/// The secret-dependent point multiplications — d·G for key derivation, the nonce's k·G for signing — run on
/// the in-house constant-time <see cref="SecretGeneratorMultiplier"/>. The rest of signing (RFC6979 nonce,
/// s = k⁻¹(e + d·r)) stays on Portable.BouncyCastle. Recovery, verification and point validation see only
/// public data and run on the much faster variable-time code in <c>Crypto/Fast</c>.
/// </remarks>
public static class Secp256k1
{
    private static readonly Org.BouncyCastle.Asn1.X9.X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly BigInteger N = Curve.N;
    private static readonly BigInteger HalfN = Curve.N.ShiftRight(1);

    public static bool IsValidSecret(ReadOnlySpan<byte> secret)
    {
        if (secret.Length != 32)
            return false;
        var d = new BigInteger(1, secret.ToArray());
        return d.SignValue > 0 && d.CompareTo(N) < 0;
    }

    /// <summary>Whether 33 bytes are a compressed encoding of a point on the curve (public data; fast path).</summary>
    public static bool IsValidCompressedPoint(ReadOnlySpan<byte> compressed) =>
        PointCodec.TryDecompress(compressed, out _);

    public static PublicKey GetPublicKey(PrivateKey key)
    {
        var compressed = new byte[PointCodec.CompressedLength];
        PointCodec.Compress(SecretGeneratorMultiplier.Multiply(key.Secret), compressed);
        return PublicKey.FromTrustedCompressed(compressed);
    }

    /// <summary>Deterministic (RFC6979, HMAC-SHA256) ECDSA over a 32-byte digest, normalised to low-S.</summary>
    public static RecoverableSignature SignRecoverable(ReadOnlySpan<byte> digest32, PrivateKey key)
    {
        if (digest32.Length != 32)
            throw new ArgumentException("The digest must be 32 bytes.", nameof(digest32));
        var d = new BigInteger(1, key.Secret.ToArray());
        var e = new BigInteger(1, digest32.ToArray());
        var kCalculator = new HMacDsaKCalculator(new Sha256Digest());
        kCalculator.Init(N, d, digest32.ToArray());
        Span<byte> nonce = stackalloc byte[32];
        Span<byte> rxBytes = stackalloc byte[32];

        while (true)
        {
            var k = kCalculator.NextK();
            WriteScalar(k, nonce);
            var r = SecretGeneratorMultiplier.Multiply(nonce); // constant-time: k is the secret nonce
            CryptographicOperations.ZeroMemory(nonce);
            r.X.WriteBytes(rxBytes);
            var rx = new BigInteger(1, rxBytes.ToArray());
            var rModN = rx.Mod(N);
            if (rModN.SignValue == 0)
                continue;
            var s = k.ModInverse(N).Multiply(e.Add(d.Multiply(rModN))).Mod(N);
            if (s.SignValue == 0)
                continue;

            var recoveryId = (r.Y.IsOdd ? 1 : 0) | (rx.CompareTo(N) >= 0 ? 2 : 0);
            if (s.CompareTo(HalfN) > 0)
            {
                // Negating s mirrors R, which flips the parity of its y coordinate.
                s = N.Subtract(s);
                recoveryId ^= 1;
            }

            var compact = new byte[RecoverableSignature.CompactLength];
            WriteScalar(rModN, compact.AsSpan(0, 32));
            WriteScalar(s, compact.AsSpan(32, 32));
            return new RecoverableSignature(compact, recoveryId);
        }
    }

    /// <summary>Rebuilds the public key that produced a compact signature over a digest.</summary>
    /// <remarks>
    /// Runs on the in-house variable-time arithmetic (<see cref="PublicKeyRecovery"/>), which is safe here
    /// because everything it touches is public. High-S signatures are accepted.
    /// </remarks>
    public static bool TryRecover(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> compact64, int recoveryId, out PublicKey key)
    {
        key = null!;
        if (digest32.Length != 32 || compact64.Length != 64 || recoveryId is < 0 or > 3)
            return false;
        var compressed = new byte[PointCodec.CompressedLength];
        if (!PublicKeyRecovery.TryRecover(digest32, compact64, recoveryId, compressed))
            return false;
        key = PublicKey.FromTrustedCompressed(compressed);
        return true;
    }

    /// <summary>
    /// Checks a compact (r, s) signature over a digest (variable-time fast path; high-S verifies too).
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> compact64, PublicKey key) =>
        PointCodec.TryDecompress(key.Compressed, out var point)
        && SignatureVerification.Verify(digest32, compact64, point);

    private static void WriteScalar(BigInteger value, Span<byte> destination)
    {
        var bytes = value.ToByteArrayUnsigned();
        destination.Clear();
        bytes.CopyTo(destination[(destination.Length - bytes.Length)..]);
    }
}
