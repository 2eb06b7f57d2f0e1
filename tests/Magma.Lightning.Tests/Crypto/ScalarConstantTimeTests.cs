using System.Numerics;
using Magma.Lightning.Crypto.Fast;
using static Magma.Lightning.Tests.Crypto.TestMath;

namespace Magma.Lightning.Tests.Crypto;

/// <summary>The constant-time mod-n operations signing uses for s = k⁻¹·(e + d·r), against BigInteger.</summary>
public class ScalarConstantTimeTests
{
    private static readonly BigInteger[] EdgeValues =
    [
        0, 1, 2, N - 1, N - 2, N / 2, N / 2 + 1, BigInteger.Pow(2, 128), BigInteger.Pow(2, 128) - 1,
        BigInteger.Pow(2, 255), BigInteger.Pow(2, 64) - 1, BigInteger.Pow(2, 192), TwoTo256 - N, TwoTo256 - N - 1,
    ];

    private static IEnumerable<BigInteger> Samples(int seed, int count)
    {
        var random = new Random(seed);
        return EdgeValues.Concat(Enumerable.Range(0, count).Select(_ => RandomBelow(random, N)));
    }

    [Fact]
    public void MulConstantTime_matches_BigInteger_and_Mul_including_operands_at_or_above_n()
    {
        var above = new[] { N, N + 1, TwoTo256 - 1, TwoTo256 - 2 };
        var values = Samples(91, 60).Concat(above).ToArray();
        foreach (var a in values)
            foreach (var b in values)
            {
                var product = Scalar(a).MulConstantTime(Scalar(b));
                Assert.Equal((a * b) % N, Value(product));
                if (a < N && b < N)
                    Assert.Equal(Value(Scalar(a).Mul(Scalar(b))), Value(product));
            }
    }

    [Fact]
    public void AddConstantTime_matches_BigInteger_for_operands_below_n()
    {
        var values = Samples(92, 80).ToArray();
        foreach (var a in values)
            foreach (var b in values)
                Assert.Equal((a + b) % N, Value(Scalar(a).AddConstantTime(Scalar(b))));
    }

    [Fact]
    public void InverseBlinded_inverts_and_maps_zero_to_zero()
    {
        foreach (var v in Samples(93, 300))
        {
            var expected = v.IsZero ? 0 : BigInteger.ModPow(v, N - 2, N);
            Assert.Equal(expected, Value(Scalar(v).InverseBlinded()));
        }
    }

    [Fact]
    public void IsAboveHalfOrder_splits_exactly_at_n_over_2_and_FromSecretBytes_reads_big_endian()
    {
        Assert.False(Scalar(N / 2).IsAboveHalfOrder);
        Assert.True(Scalar(N / 2 + 1).IsAboveHalfOrder);
        Assert.False(Scalar(0).IsAboveHalfOrder);
        Assert.True(Scalar(N - 1).IsAboveHalfOrder);
        foreach (var v in Samples(94, 100))
        {
            Assert.Equal(v > N / 2, Scalar(v).IsAboveHalfOrder);
            Assert.Equal(v, Value(Magma.Lightning.Crypto.Fast.Scalar.FromSecretBytes(ToBytes32(v))));
        }
    }

    [Fact]
    public void The_signing_arithmetic_allocates_nothing_once_warm()
    {
        var k = Scalar(N - 5);
        var d = Scalar(N / 3);
        var r = Scalar(N / 7);
        var e = Scalar(12345);
        k.InverseBlinded().MulConstantTime(e.AddConstantTime(d.MulConstantTime(r)));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
            k.InverseBlinded().MulConstantTime(e.AddConstantTime(d.MulConstantTime(r)));
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
