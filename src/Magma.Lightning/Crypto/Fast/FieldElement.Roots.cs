namespace Magma.Lightning.Crypto.Fast;

/// <summary>Square roots and inverses mod p.</summary>
internal readonly partial struct FieldElement
{
    /// <summary>
    /// A square root of this element (magnitude up to 3), when one exists. Because p ≡ 3 (mod 4),
    /// a^((p+1)/4) squares to a whenever a is a quadratic residue; otherwise it squares to −a, so the
    /// result is checked. The returned root has magnitude 1 and is whichever of ±√a the exponent yields.
    /// </summary>
    public bool TrySqrt(out FieldElement root)
    {
        // (p+1)/4 in binary is 223 ones, a zero, 22 ones, four zeros, two ones, two zeros: 253 squarings and
        // 13 multiplications in all.
        var t = PowerOfSharedPrefix(out var x2);
        t = t.SqrTimes(6).Mul(x2);           // ... 0000 11
        root = t.SqrTimes(2).NormalizeWeak(); // ... 00

        return root.Sqr().EqualsModP(this, 3);
    }

    /// <summary>
    /// 1/this mod p (0 maps to 0), by the variable-time safegcd algorithm. Accepts any magnitude the
    /// normaliser accepts; the result is normalised.
    /// </summary>
    public FieldElement InverseVar()
    {
        Normalize().ToWords(out var w0, out var w1, out var w2, out var w3);
        ModularInverse.Field.InvertVar(ref w0, ref w1, ref w2, ref w3);
        return FromWords(w0, w1, w2, w3);
    }
}
