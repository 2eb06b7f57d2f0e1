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
        // (p+1)/4 in binary is 223 ones, a zero, 22 ones, four zeros, two ones, two zeros. Build
        // xₖ = a^(2^k − 1) for the run lengths needed, then assemble the exponent left to right:
        // 253 squarings and 13 multiplications.
        var x1 = this;
        var x2 = x1.Sqr().Mul(x1);
        var x3 = x2.Sqr().Mul(x1);
        var x6 = x3.SqrTimes(3).Mul(x3);
        var x9 = x6.SqrTimes(3).Mul(x3);
        var x11 = x9.SqrTimes(2).Mul(x2);
        var x22 = x11.SqrTimes(11).Mul(x11);
        var x44 = x22.SqrTimes(22).Mul(x22);
        var x88 = x44.SqrTimes(44).Mul(x44);
        var x176 = x88.SqrTimes(88).Mul(x88);
        var x220 = x176.SqrTimes(44).Mul(x44);
        var x223 = x220.SqrTimes(3).Mul(x3);

        var t = x223.SqrTimes(23).Mul(x22); // 1^223 0 1^22
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
