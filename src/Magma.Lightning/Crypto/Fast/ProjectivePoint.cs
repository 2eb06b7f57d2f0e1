namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// A point in homogeneous projective coordinates, (X : Y : Z) ↦ (X/Z, Y/Z) — not Jacobian — with the point at
/// infinity as (0 : Y : 0) for any Y ≠ 0. CONSTANT-TIME: the only operation, <see cref="Add"/>, is one
/// formula for every pair of inputs, so it may see secret points.
/// </summary>
/// <remarks>
/// Coordinates are kept "product-bounded" (magnitude 1 plus the products' slack, see
/// <see cref="FieldElement"/>) or normalised, on input and output.
/// </remarks>
internal readonly struct ProjectivePoint
{
    /// <summary>3·b for secp256k1's b = 7.</summary>
    private const uint ThreeB = 21;

    public readonly FieldElement X, Y, Z;

    public ProjectivePoint(in FieldElement x, in FieldElement y, in FieldElement z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>
    /// P + Q by the complete addition formula for y² = x³ + b (Renes, Costello, Batina, "Complete addition
    /// formulas for prime order elliptic curves", 2016, Algorithm 7): correct for every pair of points of
    /// secp256k1 — P = Q, P = −Q, either at infinity — because the group order is odd, with the same
    /// 12 multiplications and no branch in every case.
    /// </summary>
    /// <remarks>
    /// With t0 = X1X2, t1 = Y1Y2, t2 = Z1Z2 and the cross sums
    /// XY = X1Y2 + X2Y1, YZ = Y1Z2 + Y2Z1, XZ = X1Z2 + X2Z1 (each one product by Karatsuba):
    /// X3 = XY·(t1 − 3b·t2) − 3b·XZ·YZ, Y3 = (t1 − 3b·t2)(t1 + 3b·t2) + 3b·XZ·3t0, Z3 = YZ·(t1 + 3b·t2) + 3t0·XY.
    /// Magnitudes are annotated on the right (inputs product-bounded, i.e. 1; see <see cref="FieldElement"/>):
    /// every first Mul factor stays below 2^58 and every second one below 2^54.
    /// </remarks>
    public static ProjectivePoint Add(in ProjectivePoint p, in ProjectivePoint q)
    {
        var t0 = p.X.Mul(q.X);
        var t1 = p.Y.Mul(q.Y);
        var t2 = p.Z.Mul(q.Z);
        var xy = p.X.Add(p.Y).Mul(q.X.Add(q.Y));                                 // factors 2 and 2
        var yz = p.Y.Add(p.Z).Mul(q.Y.Add(q.Z));
        var xz = p.X.Add(p.Z).Mul(q.X.Add(q.Z));
        xy = FieldElement.Combine(xy, 1, t0, 1, 1, t1, 1, 1).NormalizeWeak();    // 1 + 2 + 2 → 1
        yz = FieldElement.Combine(yz, 1, t1, 1, 1, t2, 1, 1).NormalizeWeak();    // 1 + 2 + 2 → 1
        var xz3b = FieldElement.Combine(xz, 1, t0, 1, 1, t2, 1, 1)
            .NormalizeWeak().MulInt(ThreeB);                                      // 5 → 1 → 21
        var t0Times3 = t0.MulInt(3);                                              // 3
        var t2Times3b = t2.MulInt(ThreeB);                                        // 21 (22 with the slack)
        // t1 − 3b·t2: 3b·t2's limbs stay within 23·p's, so it negates as magnitude 22.
        var difference = FieldElement.Combine(t1, 1, t2Times3b, 1, 22);          // 1 + 23 = 24
        var sum = t1.Add(t2Times3b).NormalizeWeak();                              // 1 + 22 → 1

        var x3 = FieldElement.Combine(difference.Mul(xy), 1, xz3b.Mul(yz), 1, 1); // 1 + 2
        var y3 = difference.Mul(sum).Add(xz3b.Mul(t0Times3));                     // 1 + 1
        var z3 = sum.Mul(yz).Add(t0Times3.Mul(xy));                               // 1 + 1
        return new ProjectivePoint(x3.CarryOnce(), y3.CarryOnce(), z3.CarryOnce());
    }

    /// <summary>
    /// The affine form, by a constant-time inversion of Z. Only call it on a finite point (Z ≢ 0; a
    /// point at infinity comes out as (0, 0), which is not on the curve). The final normalisation is
    /// variable-time: the affine result must be public (a signature's R, a public key), though the
    /// projective coordinates it came from are not.
    /// </summary>
    public AffinePoint ToAffine()
    {
        var zInverse = Z.InverseConstantTime();
        return new AffinePoint(X.Mul(zInverse).Normalize(), Y.Mul(zInverse).Normalize());
    }
}
