using System.Numerics;
using Magma.Lightning.Crypto.Fast;
using static Magma.Lightning.Tests.Crypto.TestMath;

namespace Magma.Lightning.Tests.Crypto;

public class FieldElementTests
{
    private const ulong Limb = 1UL << 52;
    private const ulong Mask52 = Limb - 1;

    /// <summary>Canonical encodings of awkward values: 0, 1, small, p−1, p, p+1, 2^256−1 and friends.</summary>
    public static readonly BigInteger[] EdgeValues =
    [
        0, 1, 2, 7, P - 1, P, P + 1, P + 976, TwoTo256 - 1, TwoTo256 - 2, BigInteger.Pow(2, 255), BigInteger.Pow(2, 52) - 1,
        BigInteger.Pow(2, 52), BigInteger.Pow(2, 208), (P - 1) / 2, (P + 1) / 2, BigInteger.Pow(2, 256) - BigInteger.Pow(2, 32),
    ];

    private static void AssertMagnitudeOne(FieldElement f)
    {
        Assert.True(f.N0 <= Limb && f.N1 <= Limb && f.N2 <= Limb && f.N3 <= Limb, $"limbs above 2^52: {f.N0:x} {f.N1:x} {f.N2:x} {f.N3:x}");
        Assert.True(f.N4 <= 1UL << 48, $"top limb above 2^48: {f.N4:x}");
    }

    /// <summary>What Mul and Sqr promise: limbs below 2^52 + 2^48 (1..3 below 2^52 + 2^11), N4 below 2^48 + 2^11.</summary>
    private static void AssertProductBound(FieldElement f)
    {
        Assert.True(f.N0 < Limb + (1UL << 48), $"N0 {f.N0:x}");
        Assert.True(f.N1 < Limb + (1UL << 11) && f.N2 < Limb + (1UL << 11) && f.N3 < Limb + (1UL << 11), $"limbs {f.N1:x} {f.N2:x} {f.N3:x}");
        Assert.True(f.N4 < (1UL << 48) + (1UL << 11), $"N4 {f.N4:x}");
    }

    private static void AssertCanonical(FieldElement f, BigInteger expectedResidue)
    {
        Assert.True(f.N0 < Limb && f.N1 < Limb && f.N2 < Limb && f.N3 < Limb && f.N4 < 1UL << 48);
        Assert.True(Value(f) < P);
        Assert.Equal(expectedResidue, Value(f));
    }

    [Theory]
    [InlineData(1u, 1u)]
    [InlineData(2u, 2u)]
    [InlineData(8u, 3u)]
    [InlineData(32u, 1u)]
    [InlineData(32u, 3u)]
    [InlineData(63u, 3u)]
    public void Mul_matches_BigInteger_for_random_limbs_at_the_allowed_magnitudes(uint magnitudeA, uint magnitudeB)
    {
        var random = new Random((int)(magnitudeA * 100 + magnitudeB));
        for (var i = 0; i < 3000; i++)
        {
            var a = RandomLimbs(random, magnitudeA * Limb, magnitudeA * (1UL << 48));
            var b = RandomLimbs(random, magnitudeB * Limb, magnitudeB * (1UL << 48));
            var product = a.Mul(b);
            AssertProductBound(product);
            Assert.Equal(Mod(Value(a) * Value(b), P), Residue(product));
        }
    }

    [Fact]
    public void Mul_and_Sqr_handle_limbs_exactly_at_their_bounds()
    {
        foreach (var magnitudeA in new uint[] { 1, 2, 3, 16, 32, 63 })
        foreach (var magnitudeB in new uint[] { 1, 2, 3 })
        {
            var a = MaxLimbs(magnitudeA);
            var b = MaxLimbs(magnitudeB);
            var product = a.Mul(b);
            AssertProductBound(product);
            Assert.Equal(Mod(Value(a) * Value(b), P), Residue(product));
        }
        foreach (var magnitude in new uint[] { 1, 2, 3 })
        {
            var a = MaxLimbs(magnitude);
            AssertProductBound(a.Sqr());
            Assert.Equal(Mod(Value(a) * Value(a), P), Residue(a.Sqr()));
        }
    }

    [Fact]
    public void Mul_and_Sqr_are_exact_on_edge_values()
    {
        foreach (var x in EdgeValues)
        foreach (var y in EdgeValues)
        {
            var a = Field(x);
            var b = Field(y);
            Assert.Equal(Mod(x * y, P), Residue(a.Mul(b)));
            Assert.Equal(Residue(a.Mul(b)), Residue(b.Mul(a)));
        }
        foreach (var x in EdgeValues)
            Assert.Equal(Mod(x * x, P), Residue(Field(x).Sqr()));
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(2u)]
    [InlineData(3u)]
    public void Sqr_matches_Mul_and_BigInteger(uint magnitude)
    {
        var random = new Random(7 + (int)magnitude);
        for (var i = 0; i < 3000; i++)
        {
            var a = RandomLimbs(random, magnitude * Limb, magnitude * (1UL << 48));
            var square = a.Sqr();
            AssertProductBound(square);
            Assert.Equal(Mod(Value(a) * Value(a), P), Residue(square));
            Assert.Equal(Residue(a.Mul(a)), Residue(square));
        }
    }

    [Fact]
    public void SqrTimes_matches_repeated_squaring_and_stays_within_the_product_bound()
    {
        var random = new Random(9);
        var inputs = Enumerable.Range(0, 300).Select(_ => RandomLimbs(random, 3 * Limb, 3 * (1UL << 48)))
            .Append(MaxLimbs(3)).Append(MaxLimbs(2)).Append(FieldElement.Zero).Append(Field(P - 1));
        foreach (var a in inputs)
        {
            var count = random.Next(1, 40);
            var result = a.SqrTimes(count);
            AssertProductBound(result);
            Assert.Equal(BigInteger.ModPow(Value(a), BigInteger.Pow(2, count), P), Residue(result));
        }
    }

    [Fact]
    public void Normalize_is_canonical_for_every_combination_of_awkward_limbs()
    {
        // 8^5 = 32768 limb patterns around the carry and modulus boundaries, weak-normalised first (as the
        // callers do) and also raw.
        ulong[] special = [0, 1, Mask52 - 1, Mask52, Limb, 0xFFFFEFFFFFC2F, 0xFFFFEFFFFFC30, 0xFFFFEFFFFFC2E];
        ulong[] specialTop = [0, 1, (1UL << 48) - 2, (1UL << 48) - 1, 1UL << 48, 1UL << 49, 5, (1UL << 48) + 1];
        foreach (var l0 in special)
        foreach (var l1 in special)
        foreach (var l2 in special)
        foreach (var l3 in special)
        foreach (var l4 in specialTop)
        {
            var f = new FieldElement(l0, l1, l2, l3, l4);
            var residue = Residue(f);
            AssertCanonical(f.Normalize(), residue);
            var weak = f.NormalizeWeak();
            AssertMagnitudeOne(weak);
            Assert.Equal(residue, Residue(weak));
            AssertCanonical(weak.Normalize(), residue);
            Assert.Equal(residue.IsZero, f.IsZeroModP());
        }
    }

    [Fact]
    public void Normalize_and_IsZeroModP_handle_multiples_of_p_and_large_magnitudes()
    {
        var p = Field(P - 1).Add(FieldElement.One); // p itself, limb by limb
        Assert.True(p.IsZeroModP());
        Assert.True(p.MulInt(2).IsZeroModP());
        Assert.True(FieldElement.Zero.IsZeroModP());
        Assert.False(FieldElement.One.IsZeroModP());
        Assert.True(FieldElement.One.Negate(1).Add(FieldElement.One).IsZeroModP());
        var random = new Random(3);
        for (var i = 0; i < 5000; i++)
        {
            var f = RandomLimbs(random, 60 * Limb, 60 * (1UL << 48));
            AssertCanonical(f.Normalize(), Residue(f));
            Assert.Equal(Residue(f), Residue(f.NormalizeWeak()));
            AssertMagnitudeOne(f.NormalizeWeak());
        }
    }

    [Fact]
    public void Add_Negate_and_MulInt_agree_with_BigInteger()
    {
        var random = new Random(11);
        for (var i = 0; i < 2000; i++)
        {
            var magnitude = (uint)random.Next(1, 20);
            var a = RandomLimbs(random, magnitude * Limb, magnitude * (1UL << 48));
            var b = RandomLimbs(random, Limb, 1UL << 48);
            Assert.Equal(Mod(Value(a) + Value(b), P), Residue(a.Add(b)));
            Assert.Equal(Mod(-Value(a), P), Residue(a.Negate(magnitude)));
            Assert.Equal(Mod(Value(a) * 9, P), Residue(a.MulInt(9)));
        }
        // Negating a value at its magnitude bound must not wrap any limb.
        foreach (var magnitude in new uint[] { 1, 2, 4, 8, 19 })
        {
            var a = MaxLimbs(magnitude);
            var negated = a.Negate(magnitude);
            Assert.Equal(Mod(-Value(a), P), Residue(negated));
            Assert.True(negated.N0 <= (magnitude + 1) * Limb && negated.N4 <= (magnitude + 1) * (1UL << 48));
        }
    }

    [Fact]
    public void Bytes_round_trip_and_values_at_or_above_p_are_rejected()
    {
        Span<byte> buffer = stackalloc byte[32];
        foreach (var v in EdgeValues)
        {
            var ok = FieldElement.TryFromBytes(ToBytes32(v), out var f);
            Assert.Equal(v < P, ok);
            if (!ok)
                continue;
            f.WriteBytes(buffer);
            Assert.Equal(v, FromBytes(buffer));
        }
        var random = new Random(5);
        for (var i = 0; i < 1000; i++)
        {
            var v = RandomBelow(random, P);
            Assert.True(FieldElement.TryFromBytes(ToBytes32(v), out var f));
            Assert.Equal(v, Value(f));
        }
    }

    [Fact]
    public void InverseVar_matches_Fermat_inversion()
    {
        var random = new Random(13);
        var values = EdgeValues.Where(v => v < TwoTo256).Concat(Enumerable.Range(0, 2000).Select(_ => RandomBelow(random, P)))
            .Concat(Enumerable.Range(1, 300).Select(k => (BigInteger)k))
            .Concat(Enumerable.Range(0, 256).Select(k => Mod(BigInteger.Pow(2, k), P)));
        foreach (var v in values)
        {
            var inverse = Field(v).InverseVar();
            AssertCanonical(inverse, Mod(v, P).IsZero ? 0 : BigInteger.ModPow(v, P - 2, P));
        }
        // Non-canonical input (limbs well above 2^52) is accepted.
        var lazy = MaxLimbs(20);
        Assert.Equal(BigInteger.ModPow(Residue(lazy), P - 2, P), Value(lazy.InverseVar()));
    }

    [Fact]
    public void TrySqrt_finds_roots_of_residues_and_rejects_non_residues()
    {
        var random = new Random(17);
        var residues = 0;
        for (var i = 0; i < 1000; i++)
        {
            var v = RandomBelow(random, P);
            var found = Field(v).TrySqrt(out var root);
            Assert.Equal(IsQuadraticResidue(v), found);
            if (!found)
                continue;
            residues++;
            AssertMagnitudeOne(root);
            Assert.Equal(v, Mod(Value(root) * Value(root), P));
        }
        Assert.InRange(residues, 400, 600);

        Assert.True(FieldElement.Zero.TrySqrt(out var zeroRoot));
        Assert.Equal(0, Residue(zeroRoot));
        Assert.True(FieldElement.FromInt(4).TrySqrt(out var two));
        Assert.Contains(Residue(two), new BigInteger[] { 2, P - 2 });
        Assert.False(Field(P - 1).TrySqrt(out _)); // −1 is a non-residue because p ≡ 3 (mod 4)
        Assert.True(MaxLimbs(3).TrySqrt(out _) == IsQuadraticResidue(Residue(MaxLimbs(3))));
    }

#if DEBUG
    [Fact]
    public void Debug_builds_reject_operands_beyond_their_limb_bounds()
    {
        Assert.Throws<InvalidOperationException>(() => MaxLimbs(4).Sqr());
        Assert.Throws<InvalidOperationException>(() => FieldElement.One.Mul(MaxLimbs(4)));
        Assert.Throws<InvalidOperationException>(() => MaxLimbs(64).Mul(FieldElement.One));
        Assert.Throws<InvalidOperationException>(() => MaxLimbs(4).Negate(2));
    }
#endif
}
