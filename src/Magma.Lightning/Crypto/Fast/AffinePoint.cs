namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// A finite point (x, y) of y² = x³ + 7, or of an isomorphic curve y² = x³ + 7·z⁶ when it sits in a table
/// with a common denominator (see <see cref="OddMultiplesTable"/>). Coordinates have magnitude 1, or 2
/// for a y that was negated on the fly. Variable-time: public data only.
/// </summary>
internal readonly struct AffinePoint
{
    public readonly FieldElement X, Y;

    public AffinePoint(in FieldElement x, in FieldElement y)
    {
        X = x;
        Y = y;
    }

    /// <summary>−P = (x, −y); y goes from magnitude 1 to 2.</summary>
    public AffinePoint Negate() => new(X, Y.Negate(1));

    /// <summary>The curve constant b = 7.</summary>
    public static FieldElement CurveB => FieldElement.FromInt(7);

    /// <summary>
    /// Lifts an x coordinate (canonical, below p) to the point with the requested y parity, if x³ + 7 is
    /// a square. The result is normalised.
    /// </summary>
    public static bool TryFromX(in FieldElement x, bool oddY, out AffinePoint point)
    {
        point = default;
        var ySquared = x.Sqr().Mul(x).Add(CurveB);
        if (!ySquared.TrySqrt(out var y))
            return false;
        y = y.Normalize();
        if (y.IsOdd != oddY)
            y = y.Negate(1).Normalize();
        point = new AffinePoint(x, y);
        return true;
    }

    /// <summary>Whether (x, y) satisfies y² = x³ + 7 (a test and self-check helper).</summary>
    public bool IsOnCurve() => Y.Sqr().EqualsModP(X.Sqr().Mul(X).Add(CurveB), 2);

    /// <summary>The secp256k1 base point G.</summary>
    public static AffinePoint Generator { get; } = new(
        FieldElement.FromWords(0x59F2815B16F81798, 0x029BFCDB2DCE28D9, 0x55A06295CE870B07, 0x79BE667EF9DCBBAC),
        FieldElement.FromWords(0x9C47D08FFB10D4B8, 0xFD17B448A6855419, 0x5DA4FBFC0E1108A8, 0x483ADA7726A3C465));
}
