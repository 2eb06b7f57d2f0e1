using System.Runtime.CompilerServices;

namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// The constant-time subset of <see cref="FieldElement"/>, for secret-dependent values (the signing nonce's
/// multiple k·G, the private key's d·G; see <see cref="SecretGeneratorMultiplier"/>).
/// </summary>
/// <remarks>
/// <para>
/// CONSTANT-TIME: <see cref="Add"/>, <see cref="MulInt"/>, <see cref="Negate"/>, both <c>Combine</c>s,
/// <see cref="NormalizeWeak"/>, <see cref="CarryOnce"/>, <see cref="Mul"/>, <see cref="Sqr"/>,
/// <see cref="SqrTimes"/> (its loop count is a public argument) and <see cref="InverseConstantTime"/> below.
/// Each is straight-line code of 64-bit adds, subtracts, shifts, masks and multiplies (x64 <c>mul</c> /
/// BMI2 <c>mulx</c>, whose timing does not depend on the operands): no branch and no memory index depends
/// on a limb. The only branch, <c>Bmi2.X64.IsSupported</c> in <c>MulHigh</c>, is a JIT-time constant. The
/// <c>Require…</c> checks branch on limbs, but only in Debug builds (they are <c>[Conditional("DEBUG")]</c>).
/// </para>
/// <para>
/// VARIABLE-TIME, never for secrets: <see cref="Normalize"/>, <see cref="IsZeroModP"/>,
/// <see cref="EqualsModP"/>, <see cref="TrySqrt"/> (it ends in a comparison), <see cref="InverseVar"/>
/// (safegcd), <see cref="TryFromWords"/>/<see cref="TryFromBytes"/> and <see cref="ToString"/>.
/// </para>
/// </remarks>
internal readonly partial struct FieldElement
{
    /// <summary>
    /// 1/this mod p by Fermat, this^(p−2), over a fixed addition chain (the one of libsecp256k1's
    /// <c>secp256k1_fe_inv</c>): 255 squarings and 15 multiplications whatever the value, so constant-time,
    /// where <see cref="InverseVar"/> is ~10× faster but branches on the value. 0 maps to 0. Accepts limbs
    /// below 2^54 (magnitude up to 3, or a product); the result is a product.
    /// </summary>
    public FieldElement InverseConstantTime()
    {
        // p − 2 in binary is 223 ones, a zero, 22 ones, 0000, 1, 0, 11, 0, 1.
        var t = PowerOfSharedPrefix(out var x2);
        t = t.SqrTimes(5).Mul(this);         // ... 0000 1
        t = t.SqrTimes(3).Mul(x2);           // ... 0 11
        return t.SqrTimes(2).Mul(this);      // ... 0 1
    }

    /// <summary>
    /// this^e for the 246-bit prefix that p − 2 and (p + 1)/4 share (223 ones, a zero, 22 ones), with x2 =
    /// this³ for the tails: the inverse and the square root differ only after it. A fixed sequence of
    /// squarings and multiplications, so constant-time. Builds xₖ = this^(2^k − 1) for the run lengths.
    /// </summary>
    private FieldElement PowerOfSharedPrefix(out FieldElement x2)
    {
        var x1 = this;
        x2 = x1.Sqr().Mul(x1);
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
        return x223.SqrTimes(23).Mul(x22);
    }

    /// <summary>
    /// This element when <paramref name="mask"/> is all ones, zero when it is all zeros: the limbs ANDed with
    /// the mask, for constant-time table scans that OR the one selected entry together.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FieldElement AndMask(ulong mask) => new(N0 & mask, N1 & mask, N2 & mask, N3 & mask, N4 & mask);

    /// <summary>Limb-wise OR (for combining masked table entries, of which at most one is nonzero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FieldElement Or(in FieldElement b) => new(N0 | b.N0, N1 | b.N1, N2 | b.N2, N3 | b.N3, N4 | b.N4);
}
