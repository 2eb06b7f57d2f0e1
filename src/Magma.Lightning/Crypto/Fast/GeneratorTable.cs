namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// Precomputed odd multiples of G and of 2^128·G for wide-window NAF. Splitting u·G into
/// u_lo·G + u_hi·(2^128·G) makes both halves 128 bits long, so they share the 128 doublings the GLV halves
/// of the other point already need, and the wide window leaves only ~8 additions per half.
/// Built once, on first use (the type initialiser runs it thread-safely), in a few milliseconds.
/// </summary>
internal static class GeneratorTable
{
    /// <summary>wNAF width for G: 2^(Window−2) entries per table, ~128/(Window+1) additions per half.</summary>
    public const int Window = 14;

    public const int Size = 1 << (Window - 2);

    private static readonly AffinePoint[] OddMultiplesOfG = BuildOddMultiples(AffinePoint.Generator);

    private static readonly AffinePoint[] OddMultiplesOfG128 = BuildOddMultiples(TimesTwoTo128(AffinePoint.Generator));

    /// <summary>(2i+1)·G at index i, normalised.</summary>
    public static ReadOnlySpan<AffinePoint> G => OddMultiplesOfG;

    /// <summary>(2i+1)·2^128·G at index i, normalised.</summary>
    public static ReadOnlySpan<AffinePoint> G128 => OddMultiplesOfG128;

    private static AffinePoint TimesTwoTo128(in AffinePoint p)
    {
        var q = JacobianPoint.FromAffine(p);
        for (var i = 0; i < 128; i++)
            JacobianPoint.Double(ref q);
        return q.ToAffine();
    }

    private static AffinePoint[] BuildOddMultiples(in AffinePoint p)
    {
        var twoP = JacobianPoint.FromAffine(p);
        JacobianPoint.Double(ref twoP);
        var twoPAffine = twoP.ToAffine();

        var jacobian = new JacobianPoint[Size];
        jacobian[0] = JacobianPoint.FromAffine(p);
        for (var i = 1; i < Size; i++)
        {
            jacobian[i] = jacobian[i - 1];
            JacobianPoint.AddAffineKnownDistinct(ref jacobian[i], twoPAffine);
        }

        // Montgomery's trick: one inversion for all Z. prefix[i] = Z₀·…·Zᵢ; walking down,
        // inverse = 1/prefix[i] gives 1/Zᵢ = inverse·prefix[i−1], then inverse·Zᵢ = 1/prefix[i−1].
        var prefix = new FieldElement[Size];
        prefix[0] = jacobian[0].Z;
        for (var i = 1; i < Size; i++)
            prefix[i] = prefix[i - 1].Mul(jacobian[i].Z);
        var inverse = prefix[Size - 1].InverseVar();

        var table = new AffinePoint[Size];
        for (var i = Size - 1; i >= 0; i--)
        {
            FieldElement zInverse;
            if (i > 0)
            {
                zInverse = inverse.Mul(prefix[i - 1]);
                inverse = inverse.Mul(jacobian[i].Z);
            }
            else
            {
                zInverse = inverse;
            }
            var zInverse2 = zInverse.Sqr();
            table[i] = new AffinePoint(
                jacobian[i].X.Mul(zInverse2).Normalize(),
                jacobian[i].Y.Mul(zInverse2.Mul(zInverse)).Normalize());
        }
        return table;
    }
}
