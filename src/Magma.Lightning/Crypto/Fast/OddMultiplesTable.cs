namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// The odd multiples 1P, 3P, …, (2m−1)P of a point, in "effective affine" form: all share one Jacobian
/// denominator Z, so they are affine points of the isomorphic curve y² = x³ + 7·Z⁶ reached by
/// (x, y) ↦ (x·Z², y·Z³). A multiplication can run entirely on that curve with cheap mixed additions and
/// map back at the end by multiplying its Z by this table's Z — no per-entry inversion needed.
/// </summary>
internal static class OddMultiplesTable
{
    /// <summary>
    /// Fills <paramref name="table"/> with (2i+1)·P for i &lt; table.Length and returns the common Z
    /// (magnitude 1): the true point is (Xᵢ/Z², Yᵢ/Z³). <paramref name="zRatios"/> is scratch space of the
    /// same length.
    /// </summary>
    public static FieldElement Build(in AffinePoint p, Span<AffinePoint> table, Span<FieldElement> zRatios)
    {
        // D = 2P = (dX, dY, dZ). On the curve scaled by dZ, D is the affine (dX, dY) and P becomes
        // (Px·dZ², Py·dZ³); walking P, P + D, P + 2D, … there needs only mixed additions.
        var d = JacobianPoint.FromAffine(p);
        JacobianPoint.Double(ref d);
        var dZ = d.Z;
        var dAffine = new AffinePoint(d.X, d.Y);
        var dZ2 = dZ.Sqr();

        var current = new JacobianPoint(p.X.Mul(dZ2), p.Y.Mul(dZ2.Mul(dZ)), FieldElement.One);
        table[0] = new AffinePoint(current.X, current.Y); // Z₀ = 1
        var last = table.Length - 1;
        for (var i = 1; i <= last; i++)
        {
            // Zᵢ = Zᵢ₋₁·ratioᵢ.
            JacobianPoint.AddAffineKnownDistinct(ref current, dAffine, out zRatios[i]);
            table[i] = new AffinePoint(current.X, current.Y);
        }

        // Bring every entry to the last denominator: entry i needs the factor Z_last/Zᵢ = Π_{j>i} ratioⱼ,
        // applied as its square to X and its cube to Y. Walk down, extending the product as we go.
        if (last > 0)
        {
            var factor = zRatios[last];
            for (var i = last - 1; i >= 0; i--)
            {
                var factor2 = factor.Sqr();
                table[i] = new AffinePoint(table[i].X.Mul(factor2), table[i].Y.Mul(factor2.Mul(factor)));
                if (i > 0)
                    factor = factor.Mul(zRatios[i]);
            }
        }

        // Composite scale: first dZ (to the doubling's curve), then Z_last.
        return current.Z.Mul(dZ);
    }
}
