namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// A point in Jacobian coordinates, (X, Y, Z) ↦ (X/Z², Y/Z³), or the point at infinity. Between
/// operations X and Y are kept at magnitude 1 and Z at magnitude ≤ 2 (plus the products' slack, see
/// <see cref="FieldElement"/>). Only the curve constant a = 0 matters to these formulas (b never appears),
/// so they work unchanged on the isomorphic curves y² = x³ + 7·z⁶ that effective-affine tables live on.
/// Variable-time: public data only.
/// </summary>
internal struct JacobianPoint
{
    public FieldElement X, Y, Z;
    public bool IsInfinity;

    public JacobianPoint(in FieldElement x, in FieldElement y, in FieldElement z)
    {
        X = x;
        Y = y;
        Z = z;
        IsInfinity = false;
    }

    public static JacobianPoint Infinity => new() { IsInfinity = true };

    public static JacobianPoint FromAffine(in AffinePoint p) => new(p.X, p.Y.CarryOnce(), FieldElement.One);

    /// <summary>
    /// P ← 2P. With A = X², B = Y², C = B², D = 4·X·B = 4XY²:
    /// X' = 9A² − 2D, Y' = 3A·(D − X') − 8C, Z' = 2·Y·Z (2 multiplications, 5 squarings).
    /// No point of secp256k1 has y = 0 (the group order is odd), so the result is finite for finite input.
    /// </summary>
    public static void Double(ref JacobianPoint p)
    {
        if (p.IsInfinity)
            return;
        // Independent products are issued next to each other so their work can overlap.
        var a = p.X.Sqr();
        var b = p.Y.Sqr();
        var z3 = p.Y.Mul(p.Z);
        var f = a.Sqr();
        var c = b.Sqr();
        // 4XY² as 2·((X + B)² − A − C), a squaring instead of a multiplication.
        var d = FieldElement.Combine(p.X.Add(b).Sqr(), 2, a, 2, 1, c, 2, 1);      // 2 + 4 + 4 = 10
        var x3 = FieldElement.Combine(f, 9, d, 2, 10).CarryOnce();                // 9 + 22 before the carry
        var y3 = FieldElement.Combine(
            FieldElement.Combine(d, 1, x3, 1, 1).Mul(a), 3, c, 8, 1).CarryOnce();  // (10 + 2) → 1 → 3 + 16
        z3 = z3.MulInt(2);                                                      // magnitude 2
        p.X = x3;
        p.Y = y3;
        p.Z = z3;
    }

    /// <summary>P ← P + Q for an affine Q on the same curve (any case: infinity, Q = ±P).</summary>
    /// <remarks>With <paramref name="negateQ"/> it adds −Q instead (table lookups for negative digits).</remarks>
    public static void AddAffine(ref JacobianPoint p, in AffinePoint q, bool negateQ = false)
    {
        if (p.IsInfinity)
        {
            p = FromAffine(negateQ ? q.Negate() : q);
            return;
        }
        var z1z1 = p.Z.Sqr();
        AddMixed(ref p, q.X.Mul(z1z1), q.Y.Mul(p.Z.Mul(z1z1)), negateQ);
    }

    /// <summary>
    /// P ← P + Q where P lives on the curve scaled by <paramref name="scale"/> relative to Q's curve, i.e. the
    /// affine point added is (Qx·s², Qy·s³). Folding s into the Z powers costs one multiplication instead
    /// of two: U2 = Qx·(Z·s)², S2 = Qy·(Z·s)³, while the new Z is still Z·H.
    /// </summary>
    /// <remarks>With <paramref name="negateQ"/> it adds −Q instead (table lookups for negative digits).</remarks>
    public static void AddScaledAffine(ref JacobianPoint p, in AffinePoint q, in FieldElement scale, bool negateQ = false)
    {
        if (p.IsInfinity)
        {
            var s2 = scale.Sqr();
            var y = q.Y.Mul(s2.Mul(scale));
            p = new JacobianPoint(q.X.Mul(s2), negateQ ? y.Negate(1).CarryOnce() : y, FieldElement.One);
            return;
        }
        var w = p.Z.Mul(scale);
        var ww = w.Sqr();
        AddMixed(ref p, q.X.Mul(ww), q.Y.Mul(w.Mul(ww)), negateQ);
    }

    /// <summary>
    /// The mixed addition once Q's coordinates are brought to P's denominator (U2 = Qx·Z², S2 = Qy·Z³):
    /// H = U2 − X, R = S2 − Y, X' = R² − H³ − 2·X·H², Y' = R·(X·H² − X') − Y·H³, Z' = Z·H
    /// (with the three products above, 8 multiplications and 3 squarings in all).
    /// </summary>
    private static void AddMixed(ref JacobianPoint p, in FieldElement u2, in FieldElement s2, bool negateQ)
    {
        if (!TryDifferences(ref p, u2, s2, negateQ, out var h, out var r))
            return;
        // Independent products are issued next to each other so their work can overlap.
        var hh = h.Sqr();
        var rr = r.Sqr();
        var z3 = p.Z.Mul(h);
        var hhh = h.Mul(hh);
        var v = p.X.Mul(hh);
        var yhhh = p.Y.Mul(hhh);
        var x3 = FieldElement.Combine(rr, 1, hhh, 1, 1, v, 2, 1).CarryOnce();      // 1 + 2 + 4
        var y3 = FieldElement.Combine(
            FieldElement.Combine(v, 1, x3, 1, 1).Mul(r), 1, yhhh, 1, 1).CarryOnce(); // (1 + 2) → 1 + 2
        p.X = x3;
        p.Y = y3;
        p.Z = z3;
    }

    /// <summary>
    /// P ← P + Q for sums known to be finite (building the generator's odd multiples, where
    /// (2i+1)G + 2G = O would need n | 2i + 3); throws if the arithmetic says otherwise.
    /// </summary>
    public static void AddAffineKnownDistinct(ref JacobianPoint p, in AffinePoint q)
    {
        AddAffine(ref p, q, negateQ: false);
        if (p.IsInfinity)
            throw new InvalidOperationException("Odd-multiple table hit the point at infinity; the group arithmetic is broken.");
    }

    /// <summary>
    /// H = U2 − X and R = S2 − Y, or R = −S2 − Y for −Q (magnitude 3 each). When H ≡ 0 the points share x:
    /// Q = P (double) or Q = −P (infinity); P is updated and false returned.
    /// </summary>
    private static bool TryDifferences(ref JacobianPoint p, in FieldElement u2, in FieldElement s2, bool negateQ,
        out FieldElement h, out FieldElement r)
    {
        h = FieldElement.Combine(u2, 1, p.X, 1, 1);
        r = negateQ
            ? FieldElement.Combine(FieldElement.Zero, 0, s2.Add(p.Y), 1, 2)
            : FieldElement.Combine(s2, 1, p.Y, 1, 1);
        if (!h.IsZeroModP())
            return true;
        if (r.IsZeroModP())
            Double(ref p);
        else
            p = Infinity;
        return false;
    }

    /// <summary>The affine form of a finite point (one inversion); coordinates are normalised.</summary>
    public readonly AffinePoint ToAffine()
    {
        var zInverse = Z.InverseVar();
        var zInverse2 = zInverse.Sqr();
        var x = X.Mul(zInverse2).Normalize();
        var y = Y.Mul(zInverse2.Mul(zInverse)).Normalize();
        return new AffinePoint(x, y);
    }
}
