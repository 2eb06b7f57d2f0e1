using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// Multiplication and squaring mod p.
/// </summary>
/// <remarks>
/// <para>
/// .NET has no add-with-carry, so the classic 128-bit column accumulators cost a compare-and-carry per
/// product. Instead every 104-bit limb product is split at a fixed bit boundary into a low part and a high
/// part that are summed in <i>separate</i> 64-bit accumulators, which cannot overflow: the same idea as
/// IFMA's 52-bit multiply-add, done with scalar multiplies.
/// </para>
/// <para>
/// The split is free: the second operand's limbs are pre-shifted left by 10, so the high word of the 128-bit
/// product a·(b·2^10) is exactly ⌊a·b / 2^54⌋ and the low word is (a·b mod 2^54)·2^10. A column k then
/// holds Σ low parts + 4·Σ high parts of column k−1 (2^54 = 4·2^52). The pre-shift needs b's limbs below
/// 2^54 (magnitude 3 with room to spare).
/// </para>
/// <para>
/// Reduction folds columns 5..9 down with 2^260 ≡ R = 2^4·(2^32 + 977) (mod p). The products t·R can reach
/// 2^101, so they are split the same way with R pre-shifted by 12: high word = ⌊t·R / 2^52⌋ lands in the
/// next column, low word >> 12 = t·R mod 2^52 in the current one. A single parallel carry step then
/// leaves limbs just above 52 bits (see <see cref="CarryLazily"/>) instead of a sequential carry chain:
/// products are on the critical path of every formula, and this shortens each by four dependent steps.
/// </para>
/// </remarks>
internal readonly partial struct FieldElement
{
    private const ulong RShifted = 0x1000003D10UL << 12;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulHigh(ulong a, ulong b) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);

    /// <summary>
    /// this·b mod p. This element's limbs must be below 2^58 (magnitude up to 32 with room to spare),
    /// <paramref name="b"/>'s below 2^54 (magnitude up to 3); the result is a product (magnitude 1 plus the
    /// slack of <see cref="CarryLazily"/>).
    /// </summary>
    /// <remarks>
    /// Never inlined: inlined into the point formulas, several of these bodies at once push the register
    /// allocator into spilling, which measured ~15% slower doublings than plain calls.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public FieldElement Mul(in FieldElement b)
    {
        RequireLimbsBelow(1UL << 58, "Mul, first factor");
        b.RequireLimbsBelow(1UL << 54, "Mul, second factor");
        ulong a0 = N0, a1 = N1, a2 = N2, a3 = N3, a4 = N4;
        ulong b0 = b.N0 << 10, b1 = b.N1 << 10, b2 = b.N2 << 10, b3 = b.N3 << 10, b4 = b.N4 << 10;

        // Bounds: aᵢ < 2^58 and bⱼ < 2^54, so each product is below 2^112, each high part below 2^58 and
        // each low part below 2^54: a column of five stays below 5·2^54 + 4·5·2^58 < 2^62.5.
        ulong L, H;
        L = (a0 * b0) >> 10; H = MulHigh(a0, b0);
        ulong t0 = L, t1 = H << 2;

        L = (a0 * b1) >> 10; H = MulHigh(a0, b1);
        L += (a1 * b0) >> 10; H += MulHigh(a1, b0);
        t1 += L; ulong t2 = H << 2;

        L = (a0 * b2) >> 10; H = MulHigh(a0, b2);
        L += (a1 * b1) >> 10; H += MulHigh(a1, b1);
        L += (a2 * b0) >> 10; H += MulHigh(a2, b0);
        t2 += L; ulong t3 = H << 2;

        L = (a0 * b3) >> 10; H = MulHigh(a0, b3);
        L += (a1 * b2) >> 10; H += MulHigh(a1, b2);
        L += (a2 * b1) >> 10; H += MulHigh(a2, b1);
        L += (a3 * b0) >> 10; H += MulHigh(a3, b0);
        t3 += L; ulong t4 = H << 2;

        L = (a0 * b4) >> 10; H = MulHigh(a0, b4);
        L += (a1 * b3) >> 10; H += MulHigh(a1, b3);
        L += (a2 * b2) >> 10; H += MulHigh(a2, b2);
        L += (a3 * b1) >> 10; H += MulHigh(a3, b1);
        L += (a4 * b0) >> 10; H += MulHigh(a4, b0);
        t4 += L; ulong t5 = H << 2;

        L = (a1 * b4) >> 10; H = MulHigh(a1, b4);
        L += (a2 * b3) >> 10; H += MulHigh(a2, b3);
        L += (a3 * b2) >> 10; H += MulHigh(a3, b2);
        L += (a4 * b1) >> 10; H += MulHigh(a4, b1);
        t5 += L; ulong t6 = H << 2;

        L = (a2 * b4) >> 10; H = MulHigh(a2, b4);
        L += (a3 * b3) >> 10; H += MulHigh(a3, b3);
        L += (a4 * b2) >> 10; H += MulHigh(a4, b2);
        t6 += L; ulong t7 = H << 2;

        L = (a3 * b4) >> 10; H = MulHigh(a3, b4);
        L += (a4 * b3) >> 10; H += MulHigh(a4, b3);
        t7 += L; ulong t8 = H << 2;

        L = (a4 * b4) >> 10; H = MulHigh(a4, b4);
        t8 += L; ulong t9 = H << 2;

        Reduce(t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, out var r0, out var r1, out var r2, out var r3, out var r4);
        return new(r0, r1, r2, r3, r4);
    }

    /// <summary>this² mod p, for limbs below 2^54 (magnitude up to 3); the result is a product.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // see Mul
    public FieldElement Sqr()
    {
        RequireLimbsBelow(1UL << 54, "Sqr");
        ulong n0 = N0, n1 = N1, n2 = N2, n3 = N3, n4 = N4;
        SquareInPlace(ref n0, ref n1, ref n2, ref n3, ref n4);
        return new(n0, n1, n2, n3, n4);
    }

    /// <summary>
    /// Squares <paramref name="count"/> times: this^(2^count), for limbs below 2^54; the result is a
    /// product. For the long squaring chains of exponentiation the limbs stay in locals between steps.
    /// </summary>
    public FieldElement SqrTimes(int count)
    {
        RequireLimbsBelow(1UL << 54, "SqrTimes");
        ulong n0 = N0, n1 = N1, n2 = N2, n3 = N3, n4 = N4;
        for (var i = 0; i < count; i++)
            SquareInPlace(ref n0, ref n1, ref n2, ref n3, ref n4);
        return new(n0, n1, n2, n3, n4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SquareInPlace(ref ulong n0, ref ulong n1, ref ulong n2, ref ulong n3, ref ulong n4)
    {
        // Both factors pre-shifted by 5 give the same 128-bit product aᵢ·aⱼ·2^10 as Mul's one-sided shift by
        // 10, with only five live values. A cross product (aᵢ·aⱼ)·2^10 equals (2·aᵢ·aⱼ)·2^9, so read with a
        // 55-bit split it already carries the factor 2: low word >> 9 stays in the column, 8·high word goes
        // to the next one. Squares use the 54-bit split of Mul. With aᵢ < 2^54 every sᵢ is below 2^59 and a
        // column of three terms stays below 2^59.
        ulong s0 = n0 << 5, s1 = n1 << 5, s2 = n2 << 5, s3 = n3 << 5, s4 = n4 << 5;
        ulong L, Hx, Hd;
        L = (s0 * s0) >> 10; Hd = MulHigh(s0, s0);
        ulong t0 = L, t1 = Hd << 2;

        L = (s0 * s1) >> 9; Hx = MulHigh(s0, s1);
        t1 += L; ulong t2 = Hx << 3;

        L = (s0 * s2) >> 9; Hx = MulHigh(s0, s2);
        L += (s1 * s1) >> 10; Hd = MulHigh(s1, s1);
        t2 += L; ulong t3 = (Hx << 3) + (Hd << 2);

        L = (s0 * s3) >> 9; Hx = MulHigh(s0, s3);
        L += (s1 * s2) >> 9; Hx += MulHigh(s1, s2);
        t3 += L; ulong t4 = Hx << 3;

        L = (s0 * s4) >> 9; Hx = MulHigh(s0, s4);
        L += (s1 * s3) >> 9; Hx += MulHigh(s1, s3);
        L += (s2 * s2) >> 10; Hd = MulHigh(s2, s2);
        t4 += L; ulong t5 = (Hx << 3) + (Hd << 2);

        L = (s1 * s4) >> 9; Hx = MulHigh(s1, s4);
        L += (s2 * s3) >> 9; Hx += MulHigh(s2, s3);
        t5 += L; ulong t6 = Hx << 3;

        L = (s2 * s4) >> 9; Hx = MulHigh(s2, s4);
        L += (s3 * s3) >> 10; Hd = MulHigh(s3, s3);
        t6 += L; ulong t7 = (Hx << 3) + (Hd << 2);

        L = (s3 * s4) >> 9; Hx = MulHigh(s3, s4);
        t7 += L; ulong t8 = Hx << 3;

        L = (s4 * s4) >> 10; Hd = MulHigh(s4, s4);
        t8 += L; ulong t9 = Hd << 2;

        Reduce(t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, out n0, out n1, out n2, out n3, out n4);
    }

    /// <summary>
    /// Reduces Σ tₖ·2^(52k) (each tₖ below 2^62.5, t9 below 2^54) to a product-bounded element.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Reduce(
        ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5, ulong t6, ulong t7, ulong t8, ulong t9,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3, out ulong r4)
    {
        Fold(ref t0, ref t1, ref t2, ref t3, ref t4, t5, t6, t7, t8, t9);
        CarryLazily(t0, t1, t2, t3, t4, out r0, out r1, out r2, out r3, out r4);
    }

    /// <summary>
    /// Folds columns 5..9 into 0..4 with 2^260 ≡ R (mod p). The folded-in parts are below 2^53, so every
    /// column stays below 2^63.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fold(ref ulong t0, ref ulong t1, ref ulong t2, ref ulong t3, ref ulong t4,
        ulong t5, ulong t6, ulong t7, ulong t8, ulong t9)
    {
        // tₖ·2^(52k) for k ≥ 5 equals t_k·R·2^(52(k−5)) mod p. tₖ·R < 2^100, split at bit 52.
        t0 += (t5 * RShifted) >> 12; t1 += MulHigh(t5, RShifted);
        t1 += (t6 * RShifted) >> 12; t2 += MulHigh(t6, RShifted);
        t2 += (t7 * RShifted) >> 12; t3 += MulHigh(t7, RShifted);
        t3 += (t8 * RShifted) >> 12; t4 += MulHigh(t8, RShifted);
        t4 += (t9 * RShifted) >> 12;
        // The high half of t9·R lands at 2^260 again (below 2^39): fold it once more.
        ulong u5 = MulHigh(t9, RShifted);
        t0 += (u5 * RShifted) >> 12; t1 += MulHigh(u5, RShifted);
    }

    /// <summary>
    /// One parallel carry step for folded columns below 2^63: each limb keeps its low 52 bits (48 for the top
    /// one) and receives the carry of its neighbour, the top carry coming back as ·(2^32 + 977). Carries are
    /// below 2^11 (2^15 from the top, times 2^33 below 2^48), so limbs 1..3 end below 2^52 + 2^11, limb 0
    /// below 2^52 + 2^48 and limb 4 below 2^48 + 2^11 — "magnitude 1 plus 1/16", in two dependent steps
    /// instead of six.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CarryLazily(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3, out ulong r4)
    {
        r0 = (t0 & Mask52) + (t4 >> 48) * FoldConstant;
        r1 = (t1 & Mask52) + (t0 >> 52);
        r2 = (t2 & Mask52) + (t1 >> 52);
        r3 = (t3 & Mask52) + (t2 >> 52);
        r4 = (t4 & Mask48) + (t3 >> 52);
    }
}
