using System.Numerics;
using Magma.Lightning.Crypto.Fast;
using static Magma.Lightning.Tests.Crypto.TestMath;

namespace Magma.Lightning.Tests.Crypto;

/// <summary>The Jacobian formulas, tables and the double multiplication against <see cref="ReferenceCurve"/>.</summary>
public class GroupArithmeticTests
{
    private static (BigInteger X, BigInteger Y)? ToReference(JacobianPoint p)
    {
        if (p.IsInfinity)
            return null;
        var a = p.ToAffine();
        return (Value(a.X), Value(a.Y));
    }

    private static AffinePoint ToFast((BigInteger X, BigInteger Y) p) => new(Field(p.X), Field(p.Y));

    private static (BigInteger X, BigInteger Y) RandomPoint(Random random) =>
        ReferenceCurve.Multiply(RandomBelow(random, N - 1) + 1, ReferenceCurve.G)!.Value;

    [Fact]
    public void Generator_matches_the_reference_and_is_on_the_curve()
    {
        Assert.Equal(ReferenceCurve.G, (Value(AffinePoint.Generator.X), Value(AffinePoint.Generator.Y)));
        Assert.True(AffinePoint.Generator.IsOnCurve());
    }

    [Fact]
    public void Double_and_AddAffine_follow_the_group_law_including_special_cases()
    {
        var random = new Random(31);
        for (var i = 0; i < 40; i++)
        {
            var p = RandomPoint(random);
            var q = RandomPoint(random);

            var doubled = JacobianPoint.FromAffine(ToFast(p));
            JacobianPoint.Double(ref doubled);
            Assert.Equal(ReferenceCurve.Add(p, p), ToReference(doubled));

            // Jacobian (non-trivial Z) + affine.
            var sum = doubled;
            JacobianPoint.AddAffine(ref sum, ToFast(q));
            Assert.Equal(ReferenceCurve.Add(ReferenceCurve.Add(p, p), q), ToReference(sum));

            // P + P through the addition formula falls back to doubling; P + (−P) is infinity.
            var twice = doubled;
            JacobianPoint.AddAffine(ref twice, ToFast(ReferenceCurve.Add(p, p)!.Value));
            Assert.Equal(ReferenceCurve.Multiply(4, p), ToReference(twice));
            var cancelled = doubled;
            JacobianPoint.AddAffine(ref cancelled, ToFast(ReferenceCurve.Add(p, p)!.Value).Negate());
            Assert.True(cancelled.IsInfinity);

            // Infinity is the identity, and doubling it stays at infinity.
            var fromInfinity = JacobianPoint.Infinity;
            JacobianPoint.AddAffine(ref fromInfinity, ToFast(q));
            Assert.Equal(q, ToReference(fromInfinity));
            var infinity = JacobianPoint.Infinity;
            JacobianPoint.Double(ref infinity);
            Assert.True(infinity.IsInfinity);
        }
    }

    [Fact]
    public void Additions_with_negateQ_add_the_negated_point_including_special_cases()
    {
        var random = new Random(36);
        for (var i = 0; i < 20; i++)
        {
            var p = RandomPoint(random);
            var q = RandomPoint(random);
            var start = JacobianPoint.FromAffine(ToFast(p));
            JacobianPoint.Double(ref start); // a nontrivial Z
            var twoP = ReferenceCurve.Add(p, p)!.Value;

            var sum = start;
            JacobianPoint.AddAffine(ref sum, ToFast(q), negateQ: true);
            Assert.Equal(ReferenceCurve.Add(twoP, ReferenceCurve.Negate(q)), ToReference(sum));

            // 2P + −(−2P) doubles; 2P + −(2P) cancels.
            var doubled = start;
            JacobianPoint.AddAffine(ref doubled, ToFast(ReferenceCurve.Negate(twoP)!.Value), negateQ: true);
            Assert.Equal(ReferenceCurve.Multiply(4, p), ToReference(doubled));
            var cancelled = start;
            JacobianPoint.AddAffine(ref cancelled, ToFast(twoP), negateQ: true);
            Assert.True(cancelled.IsInfinity);

            var scale = Field(RandomBelow(random, P - 1) + 1);
            var fromInfinity = JacobianPoint.Infinity;
            JacobianPoint.AddScaledAffine(ref fromInfinity, ToFast(q), scale, negateQ: true);
            fromInfinity.Z = fromInfinity.Z.Mul(scale);
            Assert.Equal(ReferenceCurve.Negate(q), ToReference(fromInfinity));
            var alsoFromInfinity = JacobianPoint.Infinity;
            JacobianPoint.AddAffine(ref alsoFromInfinity, ToFast(q), negateQ: true);
            Assert.Equal(ReferenceCurve.Negate(q), ToReference(alsoFromInfinity));
        }
    }

    [Fact]
    public void AddScaledAffine_adds_a_point_of_the_base_curve_to_one_on_a_scaled_curve()
    {
        var random = new Random(32);
        for (var i = 0; i < 20; i++)
        {
            var p = RandomPoint(random);
            var q = RandomPoint(random);
            var s = RandomBelow(random, P - 1) + 1;
            var scale = Field(s);
            // P on the curve scaled by s: (x·s², y·s³) with Z = 1; after adding, Z·s maps back.
            var onScaled = new JacobianPoint(Field(Mod(p.X * s * s, P)), Field(Mod(p.Y * s * s * s, P)), FieldElement.One);
            JacobianPoint.AddScaledAffine(ref onScaled, ToFast(q), scale);
            onScaled.Z = onScaled.Z.Mul(scale);
            Assert.Equal(ReferenceCurve.Add(p, q), ToReference(onScaled));

            var fromInfinity = JacobianPoint.Infinity;
            JacobianPoint.AddScaledAffine(ref fromInfinity, ToFast(q), scale);
            fromInfinity.Z = fromInfinity.Z.Mul(scale);
            Assert.Equal(q, ToReference(fromInfinity));
        }
    }

    [Fact]
    public void OddMultiplesTable_holds_the_odd_multiples_over_one_common_denominator()
    {
        var random = new Random(33);
        for (var i = 0; i < 10; i++)
        {
            var p = RandomPoint(random);
            var table = new AffinePoint[8];
            var z = OddMultiplesTable.Build(ToFast(p), table, new FieldElement[8]);
            for (var j = 0; j < table.Length; j++)
            {
                var entry = new JacobianPoint(table[j].X, table[j].Y, z);
                Assert.Equal(ReferenceCurve.Multiply(2 * j + 1, p), ToReference(entry));
            }
        }
    }

    [Fact]
    public void GeneratorTable_entries_are_the_odd_multiples_of_G_and_of_2_to_the_128_G()
    {
        var g128 = ReferenceCurve.Multiply(BigInteger.Pow(2, 128), ReferenceCurve.G);
        foreach (var i in new[] { 0, 1, 2, 3, 100, 1234, GeneratorTable.Size - 2, GeneratorTable.Size - 1 })
        {
            var entry = GeneratorTable.G[i];
            Assert.Equal(ReferenceCurve.Multiply(2 * i + 1, ReferenceCurve.G), (Value(entry.X), Value(entry.Y)));
            var entry128 = GeneratorTable.G128[i];
            Assert.Equal(ReferenceCurve.Multiply(2 * i + 1, g128), (Value(entry128.X), Value(entry128.Y)));
        }
        foreach (var entry in GeneratorTable.G.ToArray().Concat(GeneratorTable.G128.ToArray()))
        {
            Assert.True(entry.IsOnCurve());
            Assert.True(Value(entry.X) < P && Value(entry.Y) < P);
        }
    }

    public static IEnumerable<object[]> MultiplyAddCases()
    {
        var lambda = Value(Endomorphism.Lambda);
        BigInteger[] scalars =
        [
            0, 1, 2, 3, N - 1, N - 2, N / 2, N / 2 + 1, BigInteger.Pow(2, 128), BigInteger.Pow(2, 128) - 1,
            BigInteger.Pow(2, 129) + 1, lambda, N - lambda, BigInteger.Pow(2, 255) + 12345,
        ];
        var random = new Random(34);
        foreach (var a in scalars)
            yield return [a.ToString(), RandomBelow(random, N).ToString(), 1 + random.Next(1000)];
        foreach (var b in scalars)
            yield return [RandomBelow(random, N).ToString(), b.ToString(), 1 + random.Next(1000)];
        for (var i = 0; i < 30; i++)
            yield return [RandomBelow(random, N).ToString(), RandomBelow(random, N).ToString(), 1 + random.Next(1000)];
    }

    [Theory]
    [MemberData(nameof(MultiplyAddCases))]
    public void MultiplyAdd_computes_a_P_plus_b_G(string decimalA, string decimalB, int pointSeed)
    {
        var a = BigInteger.Parse(decimalA);
        var b = BigInteger.Parse(decimalB);
        var p = RandomPoint(new Random(pointSeed));
        var expected = ReferenceCurve.Add(ReferenceCurve.Multiply(a, p), ReferenceCurve.Multiply(b, ReferenceCurve.G));
        Assert.Equal(expected, ToReference(EcMult.MultiplyAdd(ToFast(p), Scalar(a), Scalar(b))));
    }

    [Fact]
    public void MultiplyAdd_returns_infinity_when_the_terms_cancel()
    {
        var random = new Random(35);
        for (var i = 0; i < 10; i++)
        {
            var k = RandomBelow(random, N - 1) + 1;
            var p = ReferenceCurve.Multiply(k, ReferenceCurve.G)!.Value;
            var a = RandomBelow(random, N - 1) + 1;
            // a·(kG) + (−a·k)·G = O.
            Assert.True(EcMult.MultiplyAdd(ToFast(p), Scalar(a), Scalar(Mod(-a * k, N))).IsInfinity);
        }
        // a = b = 0.
        Assert.True(EcMult.MultiplyAdd(AffinePoint.Generator, Scalar(0), Scalar(0)).IsInfinity);
        // The point is G itself: a·G + (n − a)·G.
        Assert.True(EcMult.MultiplyAdd(AffinePoint.Generator, Scalar(5), Scalar(N - 5)).IsInfinity);
    }
}
