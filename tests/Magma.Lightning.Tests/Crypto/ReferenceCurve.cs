using System.Numerics;
using static Magma.Lightning.Tests.Crypto.TestMath;

namespace Magma.Lightning.Tests.Crypto;

/// <summary>
/// Textbook affine secp256k1 arithmetic on System.Numerics.BigInteger: slow, obviously right, and
/// independent of both the fast code and BouncyCastle. A null point is the point at infinity.
/// </summary>
internal static class ReferenceCurve
{
    public static readonly (BigInteger X, BigInteger Y) G = (
        BigInteger.Parse("079BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798", System.Globalization.NumberStyles.HexNumber),
        BigInteger.Parse("0483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8", System.Globalization.NumberStyles.HexNumber));

    public static bool IsOnCurve((BigInteger X, BigInteger Y) p) =>
        Mod(p.Y * p.Y - (p.X * p.X * p.X + 7), P).IsZero;

    public static (BigInteger X, BigInteger Y)? Negate((BigInteger X, BigInteger Y)? p) =>
        p is { } q ? (q.X, Mod(-q.Y, P)) : null;

    public static (BigInteger X, BigInteger Y)? Add((BigInteger X, BigInteger Y)? a, (BigInteger X, BigInteger Y)? b)
    {
        if (a is not { } p) return b;
        if (b is not { } q) return a;
        BigInteger slope;
        if (p.X == q.X)
        {
            if (Mod(p.Y + q.Y, P).IsZero)
                return null;
            slope = Mod(3 * p.X * p.X * Inverse(2 * p.Y), P);
        }
        else
        {
            slope = Mod((q.Y - p.Y) * Inverse(q.X - p.X), P);
        }
        var x = Mod(slope * slope - p.X - q.X, P);
        return (x, Mod(slope * (p.X - x) - p.Y, P));
    }

    public static (BigInteger X, BigInteger Y)? Multiply(BigInteger k, (BigInteger X, BigInteger Y)? point)
    {
        k = Mod(k, N);
        (BigInteger X, BigInteger Y)? result = null;
        var addend = point;
        while (!k.IsZero)
        {
            if (!k.IsEven)
                result = Add(result, addend);
            addend = Add(addend, addend);
            k >>= 1;
        }
        return result;
    }

    public static byte[] Compress((BigInteger X, BigInteger Y) p)
    {
        var bytes = new byte[33];
        bytes[0] = p.Y.IsEven ? (byte)2 : (byte)3;
        ToBytes32(p.X).CopyTo(bytes, 1);
        return bytes;
    }

    private static BigInteger Inverse(BigInteger a) => BigInteger.ModPow(Mod(a, P), P - 2, P);
}
