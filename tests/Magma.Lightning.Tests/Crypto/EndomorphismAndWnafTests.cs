using System.Numerics;
using Magma.Lightning.Crypto.Fast;
using static Magma.Lightning.Tests.Crypto.TestMath;

namespace Magma.Lightning.Tests.Crypto;

public class EndomorphismAndWnafTests
{
    private static readonly BigInteger Lambda = Value(Endomorphism.Lambda);
    private static readonly BigInteger Beta = Value(Endomorphism.Beta);

    [Fact]
    public void Beta_and_lambda_are_matching_nontrivial_cube_roots_of_unity()
    {
        Assert.NotEqual(BigInteger.One, Beta);
        Assert.NotEqual(BigInteger.One, Lambda);
        Assert.Equal(BigInteger.One, BigInteger.ModPow(Beta, 3, P));
        Assert.Equal(BigInteger.One, BigInteger.ModPow(Lambda, 3, N));
        var g = ReferenceCurve.G;
        Assert.Equal((Mod(Beta * g.X, P), g.Y), ReferenceCurve.Multiply(Lambda, g));
    }

    public static IEnumerable<object[]> SplitSamples()
    {
        var random = new Random(21);
        BigInteger[] edges =
        [
            0, 1, 2, N - 1, N - 2, N / 2, N / 2 + 1, Lambda, N - Lambda, BigInteger.Pow(2, 128), BigInteger.Pow(2, 128) - 1,
            BigInteger.Pow(2, 255), Mod(Lambda * BigInteger.Pow(2, 127), N), Mod(-Lambda * BigInteger.Pow(2, 127), N),
            BigInteger.Parse("0e4437ed6010e88286f547fa90abfe4c3", System.Globalization.NumberStyles.HexNumber),
            BigInteger.Parse("03086d221a7d46bcde86c90e49284eb15", System.Globalization.NumberStyles.HexNumber),
        ];
        foreach (var e in edges)
            yield return [e.ToString()];
        for (var i = 0; i < 40; i++)
            yield return [RandomBelow(random, N).ToString()];
    }

    [Theory]
    [MemberData(nameof(SplitSamples))]
    public void Split_recombines_and_both_halves_are_at_most_128_bits(string decimalK)
    {
        var k = BigInteger.Parse(decimalK);
        AssertSplit(k);
    }

    [Fact]
    public void Split_holds_for_many_random_scalars()
    {
        var random = new Random(22);
        for (var i = 0; i < 20_000; i++)
            AssertSplit(RandomBelow(random, N));
    }

    private static void AssertSplit(BigInteger k)
    {
        Endomorphism.Split(Scalar(k), out var k1, out var negative1, out var k2, out var negative2);
        var signed1 = negative1 ? -Value(k1) : Value(k1);
        var signed2 = negative2 ? -Value(k2) : Value(k2);
        Assert.Equal(Mod(k, N), Mod(signed1 + signed2 * Lambda, N));
        Assert.True(Value(k1) < BigInteger.Pow(2, 128), $"half {Value(k1):x} too long for k = {k:x}");
        Assert.True(Value(k2) < BigInteger.Pow(2, 128), $"half {Value(k2):x} too long for k = {k:x}");
        Assert.False(k1.IsZero && negative1);
        Assert.False(k2.IsZero && negative2);
    }

    [Fact]
    public void Wnaf_digits_recombine_are_odd_bounded_and_spaced()
    {
        var random = new Random(23);
        for (var i = 0; i < 5000; i++)
        {
            var digits = new int[140];
            var width = random.Next(2, 17);
            var bits = random.Next(1, 130);
            var k = i % 10 == 0 ? BigInteger.Pow(2, bits) - 1 : RandomBelow(random, BigInteger.Pow(2, bits));
            var length = Wnaf.Compute(Scalar(k), width, bits, digits);

            var sum = BigInteger.Zero;
            for (var j = 0; j < digits.Length; j++)
                sum += (BigInteger)digits[j] << j;
            Assert.Equal(k, sum);
            Assert.True(length <= bits + 1);
            Assert.True(length == 0 ? k.IsZero : digits[length - 1] != 0);
            Assert.All(digits[length..], d => Assert.Equal(0, d));
            var lastNonZero = -width;
            for (var j = 0; j < length; j++)
            {
                if (digits[j] == 0)
                    continue;
                Assert.True((digits[j] & 1) != 0 && Math.Abs(digits[j]) < 1 << (width - 1));
                Assert.True(j - lastNonZero >= width, "nonzero digits closer than the window");
                lastNonZero = j;
            }
        }
    }
}
