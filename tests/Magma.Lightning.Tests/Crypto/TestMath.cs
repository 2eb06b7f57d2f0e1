using System.Numerics;
using Magma.Lightning.Crypto.Fast;

namespace Magma.Lightning.Tests.Crypto;

/// <summary>System.Numerics.BigInteger views of the fast types, and random test values.</summary>
internal static class TestMath
{
    public static readonly BigInteger P = BigInteger.Pow(2, 256) - BigInteger.Pow(2, 32) - 977;
    public static readonly BigInteger N = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);
    public static readonly BigInteger TwoTo256 = BigInteger.Pow(2, 256);

    public static BigInteger Mod(BigInteger a, BigInteger m)
    {
        var r = a % m;
        return r.Sign < 0 ? r + m : r;
    }

    /// <summary>The integer the limbs spell out (not reduced).</summary>
    public static BigInteger Value(FieldElement f) =>
        f.N0 + ((BigInteger)f.N1 << 52) + ((BigInteger)f.N2 << 104) + ((BigInteger)f.N3 << 156) + ((BigInteger)f.N4 << 208);

    public static BigInteger Residue(FieldElement f) => Mod(Value(f), P);

    public static BigInteger Value(Scalar s) =>
        s.D0 + ((BigInteger)s.D1 << 64) + ((BigInteger)s.D2 << 128) + ((BigInteger)s.D3 << 192);

    public static FieldElement Field(BigInteger v)
    {
        Words(v, out var w0, out var w1, out var w2, out var w3);
        return FieldElement.FromWords(w0, w1, w2, w3);
    }

    public static Scalar Scalar(BigInteger v)
    {
        Words(v, out var w0, out var w1, out var w2, out var w3);
        return new Scalar(w0, w1, w2, w3);
    }

    public static void Words(BigInteger v, out ulong w0, out ulong w1, out ulong w2, out ulong w3)
    {
        if (v.Sign < 0 || v >= TwoTo256)
            throw new ArgumentOutOfRangeException(nameof(v));
        var mask = ulong.MaxValue;
        w0 = (ulong)(v & mask);
        w1 = (ulong)((v >> 64) & mask);
        w2 = (ulong)((v >> 128) & mask);
        w3 = (ulong)((v >> 192) & mask);
    }

    public static byte[] ToBytes32(BigInteger v)
    {
        var bytes = new byte[32];
        var raw = v.ToByteArray(isUnsigned: true, isBigEndian: true);
        raw.CopyTo(bytes, 32 - raw.Length);
        return bytes;
    }

    public static BigInteger FromBytes(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: true);

    public static BigInteger RandomBelow(Random random, BigInteger bound)
    {
        var bytes = new byte[bound.GetByteCount(isUnsigned: true) + 8];
        random.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true) % bound;
    }

    /// <summary>Random limbs each in [0, limit] (limit for N4 separately), to exercise magnitudes.</summary>
    public static FieldElement RandomLimbs(Random random, ulong limit, ulong limit4)
    {
        ulong Next(ulong max) => max == ulong.MaxValue ? (ulong)random.NextInt64() : (ulong)random.NextInt64(0, (long)Math.Min(max, long.MaxValue - 1) + 1);
        return new FieldElement(Next(limit), Next(limit), Next(limit), Next(limit), Next(limit4));
    }

    /// <summary>A field element of magnitude m whose limbs sit at the bound: the worst case for carries.</summary>
    public static FieldElement MaxLimbs(uint magnitude) =>
        new(magnitude * (1UL << 52), magnitude * (1UL << 52), magnitude * (1UL << 52), magnitude * (1UL << 52), magnitude * (1UL << 48));

    public static bool IsQuadraticResidue(BigInteger a) =>
        Mod(a, P).IsZero || BigInteger.ModPow(a, (P - 1) / 2, P).IsOne;
}
