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
/// The secret-dependent arithmetic — d·G for key derivation; the nonce's k·G and s = k⁻¹(e + d·r) for
/// signing — runs on the in-house constant-time code in <c>Crypto/Fast</c> (see its README.md); the RFC6979
/// nonce itself still comes from Portable.BouncyCastle. Recovery, verification and point validation see only
/// public data and run on the much faster variable-time code there.
/// </remarks>
public static class Secp256k1
{
    private static readonly Org.BouncyCastle.Asn1.X9.X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly BigInteger N = Curve.N;

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
    /// <remarks>
    /// BouncyCastle derives the nonce k; everything that combines k or the key d with other values is in
    /// house and constant-time: R = k·G (<see cref="SecretGeneratorMultiplier"/>) and
    /// s = k⁻¹·(e + d·r) (<see cref="Scalar.MulConstantTime"/>, <see cref="Scalar.InverseBlinded"/>).
    /// Branches below only look at public values: R, r and s are all in the signature.
    /// </remarks>
    public static RecoverableSignature SignRecoverable(ReadOnlySpan<byte> digest32, PrivateKey key)
    {
        if (digest32.Length != 32)
            throw new ArgumentException("The digest must be 32 bytes.", nameof(digest32));
        var kCalculator = new HMacDsaKCalculator(new Sha256Digest());
        kCalculator.Init(N, new BigInteger(1, key.Secret.ToArray()), digest32.ToArray());
        var d = Scalar.FromSecretBytes(key.Secret);
        var e = Scalar.FromBytes(digest32, out _); // e mod n: only its residue enters s
        Span<byte> nonce = stackalloc byte[32];
        Span<byte> rxBytes = stackalloc byte[32];

        while (true)
        {
            WriteScalar(kCalculator.NextK(), nonce);
            var k = Scalar.FromSecretBytes(nonce);
            var bigR = SecretGeneratorMultiplier.Multiply(nonce);
            CryptographicOperations.ZeroMemory(nonce);
            bigR.X.WriteBytes(rxBytes);
            // R.x is below p, so below 2n: reducing it mod n subtracts n at most once, and whether it did
            // is recovery-id bit 2 (R.x = r + n).
            var r = Scalar.FromBytes(rxBytes, out var rxAtLeastN);
            if (r.IsZero)
                continue;
            var s = k.InverseBlinded().MulConstantTime(e.AddConstantTime(d.MulConstantTime(r)));
            if (s.IsZero)
                continue;

            var recoveryId = (bigR.Y.IsOdd ? 1 : 0) | (rxAtLeastN ? 2 : 0);
            if (s.IsAboveHalfOrder)
            {
                // Negating s mirrors R, which flips the parity of its y coordinate.
                s = s.Negate();
                recoveryId ^= 1;
            }

            var compact = new byte[RecoverableSignature.CompactLength];
            r.WriteBytes(compact.AsSpan(0, 32));
            s.WriteBytes(compact.AsSpan(32, 32));
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
