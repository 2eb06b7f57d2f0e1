using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;

namespace Magma.Testing.Secp256k1;

/// <summary>
/// The recovery, verification and signing Magma shipped before the fast paths, on Portable.BouncyCastle,
/// kept verbatim in behaviour as an independent oracle: the tests cross-check against it and the secp256k1
/// benchmark times it as the baseline.
/// </summary>
public static class BouncyCastleReference
{
    private static readonly Org.BouncyCastle.Asn1.X9.X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly BigInteger N = Curve.N;

    public static bool TryRecover(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> compact64, int recoveryId, out byte[] compressed)
    {
        compressed = [];
        if (digest32.Length != 32 || compact64.Length != 64 || recoveryId is < 0 or > 3)
            return false;
        var r = new BigInteger(1, compact64[..32].ToArray());
        var s = new BigInteger(1, compact64[32..].ToArray());
        if (r.SignValue == 0 || r.CompareTo(N) >= 0 || s.SignValue == 0 || s.CompareTo(N) >= 0)
            return false;

        var x = (recoveryId & 2) != 0 ? r.Add(N) : r;
        if (x.CompareTo(Curve.Curve.Field.Characteristic) >= 0)
            return false;
        var encodedR = new byte[33];
        encodedR[0] = (byte)(0x02 | (recoveryId & 1));
        WriteScalar(x, encodedR.AsSpan(1));
        ECPoint bigR;
        try
        {
            bigR = Curve.Curve.DecodePoint(encodedR);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var e = new BigInteger(1, digest32.ToArray());
        var rInverse = r.ModInverse(N);
        var u1 = N.Subtract(e).Multiply(rInverse).Mod(N);
        var u2 = s.Multiply(rInverse).Mod(N);
        var q = ECAlgorithms.SumOfTwoMultiplies(Curve.G, u1, bigR, u2).Normalize();
        if (q.IsInfinity)
            return false;
        compressed = q.GetEncoded(compressed: true);
        return true;
    }

    public static bool Verify(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> compact64, ReadOnlySpan<byte> compressedKey)
    {
        if (digest32.Length != 32 || compact64.Length != 64)
            return false;
        var r = new BigInteger(1, compact64[..32].ToArray());
        var s = new BigInteger(1, compact64[32..].ToArray());
        if (r.SignValue == 0 || r.CompareTo(N) >= 0 || s.SignValue == 0 || s.CompareTo(N) >= 0)
            return false;
        var q = Curve.Curve.DecodePoint(compressedKey.ToArray());
        var e = new BigInteger(1, digest32.ToArray());
        var w = s.ModInverse(N);
        var point = ECAlgorithms.SumOfTwoMultiplies(Curve.G, e.Multiply(w).Mod(N), q, r.Multiply(w).Mod(N)).Normalize();
        return !point.IsInfinity && point.AffineXCoord.ToBigInteger().Mod(N).Equals(r);
    }

    public static bool IsValidCompressedPoint(ReadOnlySpan<byte> compressed)
    {
        try
        {
            var point = Curve.Curve.DecodePoint(compressed.ToArray());
            return point.IsValid() && !point.IsInfinity;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return false; // BouncyCastle throws FormatException for unknown prefixes
        }
    }

    /// <summary>d·G compressed (BouncyCastle), for keys given as plain numbers.</summary>
    public static byte[] PublicKeyOf(System.Numerics.BigInteger d) =>
        Curve.G.Multiply(new BigInteger(1, d.ToByteArray(isUnsigned: true, isBigEndian: true))).Normalize().GetEncoded(compressed: true);

    /// <summary>
    /// RFC6979 low-S recoverable signing entirely on BouncyCastle (R = k·G by its FixedPointCombMultiplier):
    /// the signer before <c>SecretGeneratorMultiplier</c>, returning the compact signature and recovery id.
    /// </summary>
    public static (byte[] Compact, int RecoveryId) SignRecoverable(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> secret32)
    {
        var d = new BigInteger(1, secret32.ToArray());
        var e = new BigInteger(1, digest32.ToArray());
        var kCalculator = new HMacDsaKCalculator(new Sha256Digest());
        kCalculator.Init(N, d, digest32.ToArray());
        while (true)
        {
            var k = kCalculator.NextK();
            var r = new FixedPointCombMultiplier().Multiply(Curve.G, k).Normalize();
            var rx = r.AffineXCoord.ToBigInteger();
            var rModN = rx.Mod(N);
            if (rModN.SignValue == 0)
                continue;
            var s = k.ModInverse(N).Multiply(e.Add(d.Multiply(rModN))).Mod(N);
            if (s.SignValue == 0)
                continue;
            var recoveryId = (r.AffineYCoord.TestBitZero() ? 1 : 0) | (rx.CompareTo(N) >= 0 ? 2 : 0);
            if (s.CompareTo(N.ShiftRight(1)) > 0)
            {
                s = N.Subtract(s);
                recoveryId ^= 1;
            }
            var compact = new byte[64];
            WriteScalar(rModN, compact.AsSpan(0, 32));
            WriteScalar(s, compact.AsSpan(32, 32));
            return (compact, recoveryId);
        }
    }

    private static void WriteScalar(BigInteger value, Span<byte> destination)
    {
        var bytes = value.ToByteArrayUnsigned();
        destination.Clear();
        bytes.CopyTo(destination[(destination.Length - bytes.Length)..]);
    }
}
