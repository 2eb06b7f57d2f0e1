using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Magma.Benchmarks.Secp256k1;

/// <summary>
/// The public-key recovery Magma used before the in-house fast path (Portable.BouncyCastle with its
/// custom SecP256K1 curve and GLV), kept here as the baseline the scenario compares against.
/// </summary>
internal static class BouncyCastleRecovery
{
    private static readonly Org.BouncyCastle.Asn1.X9.X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly BigInteger N = Curve.N;

    public static bool TryRecover(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> compact64, int recoveryId, out byte[] compressed)
    {
        compressed = [];
        var r = new BigInteger(1, compact64[..32].ToArray());
        var s = new BigInteger(1, compact64[32..].ToArray());
        if (r.SignValue == 0 || r.CompareTo(N) >= 0 || s.SignValue == 0 || s.CompareTo(N) >= 0)
            return false;
        var x = (recoveryId & 2) != 0 ? r.Add(N) : r;
        if (x.CompareTo(Curve.Curve.Field.Characteristic) >= 0)
            return false;
        var encodedR = new byte[33];
        encodedR[0] = (byte)(0x02 | (recoveryId & 1));
        var xBytes = x.ToByteArrayUnsigned();
        xBytes.CopyTo(encodedR, 33 - xBytes.Length);
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
}
