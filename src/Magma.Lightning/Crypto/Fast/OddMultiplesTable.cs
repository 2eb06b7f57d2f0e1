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
    /// <remarks>
    /// The walk P, P + 2P, P + 2·2P, … uses co-Z addition (Meloni): when two Jacobian points share Z,
    /// their sum and the first point rescaled to the sum's Z come out of 5 multiplications and 2 squarings.
    /// With (x₁, y₁) = 2P and (x₂, y₂) the current multiple, h = x₂ − x₁:
    /// A = h², B = x₁·A, C = x₂·A, D = (y₂ − y₁)², E = y₁·(C − B),
    /// sum = (D − B − C, (y₂ − y₁)·(B − x₃) − E, Z·h), and 2P rescaled = (B, E, Z·h).
    /// h ≠ 0 throughout: x₂ = x₁ would mean (2i+1)P = ±2P, i.e. n | 2i − 1 or n | 2i + 3.
    /// </remarks>
    public static FieldElement Build(in AffinePoint p, Span<AffinePoint> table, Span<FieldElement> zRatios)
    {
        // 2P, and P brought to the same Z: (Px·Z², Py·Z³).
        var twoP = JacobianPoint.FromAffine(p);
        JacobianPoint.Double(ref twoP);
        var z = twoP.Z;
        var z2 = z.Sqr();
        FieldElement x1 = twoP.X, y1 = twoP.Y;
        FieldElement x2 = p.X.Mul(z2), y2 = p.Y.Mul(z2.Mul(z));
        table[0] = new AffinePoint(x2, y2);

        var last = table.Length - 1;
        for (var i = 1; i <= last; i++)
        {
            var h = FieldElement.Combine(x2, 1, x1, 1, 1);                   // magnitude 3
            var dy = FieldElement.Combine(y2, 1, y1, 1, 1);                  // magnitude 3
            // Independent products are issued next to each other so their work can overlap.
            var a = h.Sqr();
            var dd = dy.Sqr();
            var b = x1.Mul(a);
            var c = x2.Mul(a);
            z = z.Mul(h);
            var e = FieldElement.Combine(c, 1, b, 1, 1).Mul(y1);             // (1 + 2) × 1
            var x3 = FieldElement.Combine(dd, 1, b, 1, 1, c, 1, 1).CarryOnce();                // 1 + 4
            var y3 = FieldElement.Combine(
                FieldElement.Combine(b, 1, x3, 1, 1).Mul(dy), 1, e, 1, 1).CarryOnce();         // 1 + 2
            zRatios[i] = h;
            (x1, y1) = (b, e);
            (x2, y2) = (x3, y3);
            table[i] = new AffinePoint(x3, y3);
            if (h.IsZeroModP())
                throw new InvalidOperationException("Odd-multiple table hit P = ±Q; the group arithmetic is broken.");
        }

        // Bring every entry to the last denominator: entry i needs the factor Z_last/Zᵢ = Π_{j>i} ratioⱼ,
        // applied as its square to X and its cube to Y. Walk down, extending the product as we go.
        if (last > 0)
        {
            var factor = zRatios[last];
            for (var i = last - 1; i >= 0; i--)
            {
                var factor2 = factor.Sqr();
                var factor3 = factor2.Mul(factor);
                var x = table[i].X.Mul(factor2);
                var y = table[i].Y.Mul(factor3);
                table[i] = new AffinePoint(x, y);
                if (i > 0)
                    factor = factor.Mul(zRatios[i]);
            }
        }
        return z;
    }
}
