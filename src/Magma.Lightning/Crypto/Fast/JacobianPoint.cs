namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// A point in Jacobian coordinates, (X, Y, Z) ↦ (X/Z², Y/Z³), or the point at infinity. X and Y are kept
/// at magnitude 1 and Z at magnitude ≤ 2 (plus the products' slack) between operations. Only the curve constant a = 0 matters to
/// these formulas (b never appears), so they work unchanged on the isomorphic curves y² = x³ + 7·z⁶ that
/// effective-affine tables live on. Variable-time: public data only.
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
        var a = p.X.Sqr();
        var b = p.Y.Sqr();
        var c = b.Sqr();
        // 4XY² as 2·((X + B)² − A − C), a squaring instead of a multiplication.
        var d = p.X.Add(b).Sqr().Add(a.Add(c).Negate(2)).MulInt(2);              // (1 + 3)·2 = 8
        var x3 = a.Sqr().MulInt(9).Add(d.Negate(8).MulInt(2)).CarryOnce();  // 9 + 18 before the carry
        var y3 = d.Add(x3.Negate(1)).Mul(a).MulInt(3)                         // (8 + 2) → 1 → 3
            .Add(c.Negate(1).MulInt(8)).CarryOnce();                      // 3 + 16 before the carry
        var z3 = p.Y.Mul(p.Z).MulInt(2);                                        // magnitude 2
        p.X = x3;
        p.Y = y3;
        p.Z = z3;
    }

    /// <summary>P ← P + Q for an affine Q on the same curve (any case: infinity, Q = ±P).</summary>
    public static void AddAffine(ref JacobianPoint p, in AffinePoint q)
    {
        if (p.IsInfinity)
        {
            p = FromAffine(q);
            return;
        }
        var z1z1 = p.Z.Sqr();
        AddWithScaledAffine(ref p, q, p.Z, z1z1, out _);
    }

    /// <summary>
    /// P ← P + Q where P lives on the curve scaled by <paramref name="scale"/> relative to Q's curve, i.e. the
    /// affine point added is (Qx·s², Qy·s³). Folding s into the Z powers costs one multiplication instead
    /// of two: U2 = Qx·(Z·s)², S2 = Qy·(Z·s)³, while the new Z is still Z·H.
    /// </summary>
    public static void AddScaledAffine(ref JacobianPoint p, in AffinePoint q, in FieldElement scale)
    {
        if (p.IsInfinity)
        {
            var s2 = scale.Sqr();
            p = new JacobianPoint(q.X.Mul(s2), q.Y.Mul(s2.Mul(scale)), FieldElement.One);
            return;
        }
        var w = p.Z.Mul(scale);
        AddWithScaledAffine(ref p, q, w, w.Sqr(), out _);
    }

    /// <summary>
    /// P ← P + Q for an affine Q, reporting the ratio Z'/Z. Only for sums known not to hit P = ±Q
    /// (building odd-multiple tables, where (2i+1)P = ±2P would need n | 2i−1 or 2i+3).
    /// </summary>
    public static void AddAffineKnownDistinct(ref JacobianPoint p, in AffinePoint q, out FieldElement zRatio)
    {
        var z1z1 = p.Z.Sqr();
        if (!AddWithScaledAffine(ref p, q, p.Z, z1z1, out zRatio))
            throw new InvalidOperationException("Odd-multiple table hit P = ±Q; the group arithmetic is broken.");
    }

    /// <summary>
    /// The mixed addition with w, w² standing in for Z, Z² in U2 = Qx·w², S2 = Qy·w³
    /// (8 multiplications, 3 squarings): H = U2 − X, R = S2 − Y,
    /// X' = R² − H³ − 2·X·H², Y' = R·(X·H² − X') − Y·H³, Z' = Z·H.
    /// Returns false (leaving the doubled point or infinity in P) when H ≡ 0.
    /// </summary>
    private static bool AddWithScaledAffine(
        ref JacobianPoint p, in AffinePoint q, in FieldElement w, in FieldElement ww, out FieldElement zRatio)
    {
        var u2 = q.X.Mul(ww);
        var s2 = q.Y.Mul(w.Mul(ww));
        var h = u2.Add(p.X.Negate(1));   // magnitude 3
        var r = s2.Add(p.Y.Negate(1));   // magnitude 3
        if (h.IsZeroModP())
        {
            zRatio = default;
            // Same x: either Q = P (double) or Q = −P (the sum is infinity).
            if (r.IsZeroModP())
                Double(ref p);
            else
                p = Infinity;
            return false;
        }
        var hh = h.Sqr();
        var hhh = h.Mul(hh);
        var v = p.X.Mul(hh);
        var x3 = r.Sqr().Add(hhh.Negate(1)).Add(v.Negate(1).MulInt(2)).CarryOnce(); // 1 + 2 + 4
        var y3 = v.Add(x3.Negate(1)).Mul(r).Add(p.Y.Mul(hhh).Negate(1)).CarryOnce(); // 1 + 2
        var z3 = p.Z.Mul(h);
        p.X = x3;
        p.Y = y3;
        p.Z = z3;
        zRatio = h;
        return true;
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
