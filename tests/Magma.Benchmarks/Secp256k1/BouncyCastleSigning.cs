using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC.Multiplier;

namespace Magma.Benchmarks.Secp256k1;

/// <summary>
/// The RFC6979 low-S recoverable signing Magma used before the in-house constant-time k·G: the same code
/// with R = k·G on Portable.BouncyCastle's FixedPointCombMultiplier, kept here as the signing baseline.
/// </summary>
internal static class BouncyCastleSigning
{
    private static readonly Org.BouncyCastle.Asn1.X9.X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly BigInteger N = Curve.N;
    private static readonly BigInteger HalfN = Curve.N.ShiftRight(1);

    /// <summary>The 64-byte compact signature r‖s and its recovery id.</summary>
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
            if (s.CompareTo(HalfN) > 0)
            {
                s = N.Subtract(s);
                recoveryId ^= 1;
            }
            var compact = new byte[64];
            var rBytes = rModN.ToByteArrayUnsigned();
            var sBytes = s.ToByteArrayUnsigned();
            rBytes.CopyTo(compact, 32 - rBytes.Length);
            sBytes.CopyTo(compact, 64 - sBytes.Length);
            return (compact, recoveryId);
        }
    }
}
