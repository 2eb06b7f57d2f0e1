using System.Numerics;
using Magma.Lightning.Crypto.Fast;
using static Magma.Lightning.Tests.Crypto.TestMath;

namespace Magma.Lightning.Tests.Crypto;

/// <summary>
/// The constant-time building blocks of <see cref="SecretGeneratorMultiplier"/>: Fermat inversion, the
/// complete projective addition and the masked table selection, against BigInteger and
/// <see cref="ReferenceCurve"/>. Tests run as Debug builds, so every limb bound is checked on every call.
/// </summary>
public class ConstantTimeArithmeticTests
{
    /// <summary>The largest limbs a product may have (see <see cref="FieldElement"/>): the worst-case input.</summary>
    private static readonly FieldElement MaxProduct = new(
        (1UL << 52) + (1UL << 48) - 1, (1UL << 52) + (1UL << 11) - 1, (1UL << 52) + (1UL << 11) - 1,
        (1UL << 52) + (1UL << 11) - 1, (1UL << 48) + (1UL << 11) - 1);

    private static BigInteger Inverse(BigInteger v) => BigInteger.ModPow(Mod(v, P), P - 2, P);

    private static ProjectivePoint Scaled((BigInteger X, BigInteger Y)? point, BigInteger scale) => point is { } p
        ? new ProjectivePoint(Field(Mod(p.X * scale, P)), Field(Mod(p.Y * scale, P)), Field(scale))
        : new ProjectivePoint(FieldElement.Zero, Field(scale), FieldElement.Zero);

    private static (BigInteger X, BigInteger Y)? ToReference(ProjectivePoint p)
    {
        if (Residue(p.Z).IsZero)
        {
            Assert.True(Residue(p.X).IsZero && !Residue(p.Y).IsZero, "a point at infinity must be (0 : Y : 0), Y ≠ 0");
            return null;
        }
        var zInverse = Inverse(Residue(p.Z));
        return (Mod(Residue(p.X) * zInverse, P), Mod(Residue(p.Y) * zInverse, P));
    }

    private static (BigInteger X, BigInteger Y) RandomPoint(Random random) =>
        ReferenceCurve.Multiply(RandomBelow(random, N - 1) + 1, ReferenceCurve.G)!.Value;

    [Fact]
    public void InverseConstantTime_matches_BigInteger_including_zero_and_lazy_limbs()
    {
        var random = new Random(71);
        var values = new[] { BigInteger.Zero, 1, 2, 7, P - 1, P - 2, (P - 1) / 2, BigInteger.Pow(2, 255), TwoTo256 - 1 - P }
            .Concat(Enumerable.Range(0, 300).Select(_ => RandomBelow(random, P)));
        foreach (var v in values)
            Assert.Equal(Inverse(v), Residue(Field(v).InverseConstantTime()));
        // P itself (as limbs, ≡ 0) and the largest product limbs are accepted too.
        Assert.Equal(BigInteger.Zero, Residue(Field(P).InverseConstantTime()));
        Assert.Equal(Inverse(Value(MaxProduct)), Residue(MaxProduct.InverseConstantTime()));
    }

    [Fact]
    public void Complete_addition_follows_the_group_law_in_every_special_case()
    {
        var random = new Random(72);
        for (var i = 0; i < 60; i++)
        {
            var p = RandomPoint(random);
            var q = RandomPoint(random);
            BigInteger Scale() => RandomBelow(random, P - 1) + 1;
            var cases = new (BigInteger X, BigInteger Y)?[][]
            {
                [p, q],                                                // distinct
                [p, p],                                                // doubling
                [p, ReferenceCurve.Negate(p)],                         // P + (−P) = O
                [null, q],                                             // O + Q
                [p, null],                                             // P + O
                [null, null],                                          // O + O
                [ReferenceCurve.Add(p, q), ReferenceCurve.Negate(q)],  // back to P
            };
            foreach (var pair in cases)
            {
                var sum = ProjectivePoint.Add(Scaled(pair[0], Scale()), Scaled(pair[1], Scale()));
                Assert.Equal(ReferenceCurve.Add(pair[0], pair[1]), ToReference(sum));
            }
        }
    }

    [Fact]
    public void Complete_addition_is_exact_for_coordinates_at_the_product_bound()
    {
        // Not points of the curve: the formula as polynomials, on the largest limbs its inputs may have
        // (the Debug-build bound checks fire if any intermediate exceeds what Mul, Combine etc. accept).
        var random = new Random(73);
        var inputs = new List<FieldElement[]> { Enumerable.Repeat(MaxProduct, 6).ToArray() };
        for (var i = 0; i < 200; i++)
            inputs.Add(Enumerable.Range(0, 6).Select(_ => RandomLimbs(random, (1UL << 52) + (1UL << 11) - 1, (1UL << 48) + (1UL << 11) - 1)).ToArray());
        foreach (var c in inputs)
        {
            var sum = ProjectivePoint.Add(new ProjectivePoint(c[0], c[1], c[2]), new ProjectivePoint(c[3], c[4], c[5]));
            var (x1, y1, z1, x2, y2, z2) = (Value(c[0]), Value(c[1]), Value(c[2]), Value(c[3]), Value(c[4]), Value(c[5]));
            BigInteger b3 = 21, xy = x1 * y2 + x2 * y1, yz = y1 * z2 + y2 * z1, xz = x1 * z2 + x2 * z1;
            BigInteger t0 = x1 * x2, t1 = y1 * y2, t2 = z1 * z2;
            Assert.Equal(Mod(xy * (t1 - b3 * t2) - b3 * xz * yz, P), Residue(sum.X));
            Assert.Equal(Mod((t1 - b3 * t2) * (t1 + b3 * t2) + b3 * xz * 3 * t0, P), Residue(sum.Y));
            Assert.Equal(Mod(yz * (t1 + b3 * t2) + 3 * t0 * xy, P), Residue(sum.Z));
        }
    }

    [Fact]
    public void Every_table_selection_is_digit_times_sixteen_to_the_window_times_G()
    {
        (BigInteger X, BigInteger Y)? windowBase = ReferenceCurve.G; // 16^window·G
        for (var window = 0; window < GeneratorWindowTable.Windows; window++)
        {
            (BigInteger X, BigInteger Y)? multiple = null;
            for (var digit = 0u; digit < GeneratorWindowTable.EntriesPerWindow; digit++)
            {
                var selected = GeneratorWindowTable.Select(window, digit);
                Assert.Equal(digit == 0 ? 0 : 1, (int)Residue(selected.Z));
                Assert.Equal(multiple, ToReference(selected));
                multiple = ReferenceCurve.Add(multiple, windowBase);
            }
            windowBase = multiple; // the loop ends one addition past 15·B: 16·B
        }
    }
}
