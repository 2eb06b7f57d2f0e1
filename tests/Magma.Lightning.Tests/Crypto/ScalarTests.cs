using System.Numerics;
using Magma.Lightning.Crypto.Fast;
using static Magma.Lightning.Tests.Crypto.TestMath;

namespace Magma.Lightning.Tests.Crypto;

public class ScalarTests
{
    private static readonly BigInteger[] EdgeValues =
    [
        0, 1, 2, N - 1, N - 2, N / 2, N / 2 + 1, BigInteger.Pow(2, 128), BigInteger.Pow(2, 128) - 1,
        BigInteger.Pow(2, 255), BigInteger.Pow(2, 64) - 1, BigInteger.Pow(2, 192),
    ];

    private static IEnumerable<BigInteger> Samples(int seed, int count)
    {
        var random = new Random(seed);
        return EdgeValues.Concat(Enumerable.Range(0, count).Select(_ => RandomBelow(random, N)));
    }

    [Fact]
    public void FromBytes_reduces_values_at_or_above_n_and_reports_the_overflow()
    {
        foreach (var v in new[] { N, N + 1, TwoTo256 - 1, N + BigInteger.Pow(2, 100) })
        {
            var s = Magma.Lightning.Crypto.Fast.Scalar.FromBytes(ToBytes32(v), out var overflow);
            Assert.True(overflow);
            Assert.Equal(v - N, Value(s));
        }
        var buffer = new byte[32];
        foreach (var v in Samples(1, 500))
        {
            var s = Magma.Lightning.Crypto.Fast.Scalar.FromBytes(ToBytes32(v), out var overflow);
            Assert.False(overflow);
            Assert.Equal(v, Value(s));
            s.WriteBytes(buffer);
            Assert.Equal(v, FromBytes(buffer));
        }
    }

    [Fact]
    public void Mul_Add_and_Negate_match_BigInteger()
    {
        var values = Samples(2, 1500).ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            var a = values[i];
            var b = values[(i * 7 + 3) % values.Length];
            Assert.Equal(Mod(a * b, N), Value(Scalar(a).Mul(Scalar(b))));
            Assert.Equal(Mod(a + b, N), Value(Scalar(a).Add(Scalar(b))));
            Assert.Equal(Mod(-a, N), Value(Scalar(a).Negate()));
        }
        foreach (var a in EdgeValues)
        foreach (var b in EdgeValues)
            Assert.Equal(Mod(a * b, N), Value(Scalar(a).Mul(Scalar(b))));
    }

    [Fact]
    public void Mul_reduces_products_of_unreduced_256_bit_inputs()
    {
        // The reduction must cope with the largest 512-bit products, not only those of values below n.
        var max = TwoTo256 - 1;
        Assert.Equal(Mod(max * max, N), Value(Scalar(max).Mul(Scalar(max))));
        Assert.Equal(Mod(max * (N - 1), N), Value(Scalar(max).Mul(Scalar(N - 1))));
    }

    [Fact]
    public void InverseVar_matches_Fermat_inversion()
    {
        foreach (var v in Samples(3, 2000).Concat(Enumerable.Range(1, 200).Select(k => (BigInteger)k)))
        {
            var expected = v.IsZero ? 0 : BigInteger.ModPow(v, N - 2, N);
            Assert.Equal(expected, Value(Scalar(v).InverseVar()));
        }
    }

    [Fact]
    public void MulShiftRound384_rounds_the_high_part_of_the_product()
    {
        var random = new Random(4);
        var values = EdgeValues.Append(TwoTo256 - 1).Concat(Enumerable.Range(0, 2000).Select(_ => RandomBelow(random, TwoTo256))).ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            var a = values[i];
            var b = values[(i * 5 + 1) % values.Length];
            var expected = (a * b + BigInteger.Pow(2, 383)) >> 384;
            Assert.Equal(expected, Value(Scalar(a).MulShiftRound384(Scalar(b))));
        }
    }

    [Fact]
    public void PlusOrder_adds_n_without_reducing()
    {
        foreach (var v in Samples(6, 200))
        {
            var sum = Scalar(v).PlusOrder(out var carry);
            Assert.Equal(v + N >= TwoTo256, carry);
            Assert.Equal(Mod(v + N, TwoTo256), Value(sum));
        }
    }
}
