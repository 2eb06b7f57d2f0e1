using System.Runtime.CompilerServices;

namespace Magma.Lightning.Crypto.Fast;

/// <summary>Multiplication mod n, and the rounded high product the GLV split needs.</summary>
internal readonly partial struct Scalar
{
    /// <summary>
    /// a·b + addend + carryIn as a 128-bit (high, low) pair. It cannot overflow:
    /// (2^64 − 1)² + 2·(2^64 − 1) = 2^128 − 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulAdd(ulong a, ulong b, ulong addend, ulong carryIn, out ulong carryOut)
    {
        var t = Math.BigMul(a, b) + addend + carryIn;
        carryOut = (ulong)(t >> 64);
        return (ulong)t;
    }

    /// <summary>x + y + carryIn, with the carry out (0 or 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AddCarry(ulong x, ulong y, ulong carryIn, out ulong carryOut)
    {
        var t = (UInt128)x + y + carryIn;
        carryOut = (ulong)(t >> 64);
        return (ulong)t;
    }

    /// <summary>this·b mod n.</summary>
    public Scalar Mul(in Scalar b)
    {
        Product(this, b, out var l0, out var l1, out var l2, out var l3, out var l4, out var l5, out var l6, out var l7);
        return Reduce(l0, l1, l2, l3, l4, l5, l6, l7);
    }

    /// <summary>
    /// ⌊this·b / 2^384⌉ (rounded to nearest), for this, b below 2^256: the quotient estimate the GLV split
    /// uses with precomputed b ≈ 2^384·c/n.
    /// </summary>
    public Scalar MulShiftRound384(in Scalar b)
    {
        Product(this, b, out _, out _, out _, out _, out _, out var l5, out var l6, out var l7);
        var r0 = AddCarry(l6, l5 >> 63, 0, out var c);
        return new Scalar(r0, l7 + c, 0, 0);
    }

    /// <summary>The full 512-bit product of two 256-bit numbers, one row of partial products at a time.</summary>
    private static void Product(in Scalar a, in Scalar b,
        out ulong l0, out ulong l1, out ulong l2, out ulong l3, out ulong l4, out ulong l5, out ulong l6, out ulong l7)
    {
        ulong c;
        l0 = MulAdd(a.D0, b.D0, 0, 0, out c);
        l1 = MulAdd(a.D0, b.D1, 0, c, out c);
        l2 = MulAdd(a.D0, b.D2, 0, c, out c);
        l3 = MulAdd(a.D0, b.D3, 0, c, out l4);

        l1 = MulAdd(a.D1, b.D0, l1, 0, out c);
        l2 = MulAdd(a.D1, b.D1, l2, c, out c);
        l3 = MulAdd(a.D1, b.D2, l3, c, out c);
        l4 = MulAdd(a.D1, b.D3, l4, c, out l5);

        l2 = MulAdd(a.D2, b.D0, l2, 0, out c);
        l3 = MulAdd(a.D2, b.D1, l3, c, out c);
        l4 = MulAdd(a.D2, b.D2, l4, c, out c);
        l5 = MulAdd(a.D2, b.D3, l5, c, out l6);

        l3 = MulAdd(a.D3, b.D0, l3, 0, out c);
        l4 = MulAdd(a.D3, b.D1, l4, c, out c);
        l5 = MulAdd(a.D3, b.D2, l5, c, out c);
        l6 = MulAdd(a.D3, b.D3, l6, c, out l7);
    }

    /// <summary>
    /// Reduces a 512-bit number mod n using 2^256 ≡ NC (mod n), NC = 2^256 − n = NC0 + NC1·2^64 + 2^128:
    /// each fold multiplies the part above 2^256 by NC (≈ 2^128.6), shrinking the excess by ~127 bits.
    /// </summary>
    private static Scalar Reduce(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5, ulong l6, ulong l7)
    {
        var r = Fold(l0, l1, l2, l3, l4, l5, l6, l7, out var c);
        if (c != 0)
            r = r.AddWords(NC0, NC1, 1, 0, out _);
        // r < 2^256 < 2n: at most one subtraction of n.
        return r.IsBelow(NWord0, NWord1, NWord2, NWord3) ? r : r.AddWords(NC0, NC1, 1, 0, out _);
    }

    /// <summary>
    /// The branch-free part of <see cref="Reduce"/>: a 256-bit r and a carry c with r + c·2^256 ≡ the input
    /// (mod n); when c is 1, r is tiny (below 2^135), so r + NC neither overflows nor reaches n.
    /// </summary>
    private static Scalar Fold(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5, ulong l6, ulong l7, out ulong carry)
    {
        ulong c;
        // m = l[0..3] + l[4..7]·NC, below 2^386: rows for NC0, NC1 (shifted one word) and 1 (two words).
        var m0 = MulAdd(l4, NC0, l0, 0, out c);
        var m1 = MulAdd(l5, NC0, l1, c, out c);
        var m2 = MulAdd(l6, NC0, l2, c, out c);
        var m3 = MulAdd(l7, NC0, l3, c, out var m4);

        m1 = MulAdd(l4, NC1, m1, 0, out c);
        m2 = MulAdd(l5, NC1, m2, c, out c);
        m3 = MulAdd(l6, NC1, m3, c, out c);
        m4 = MulAdd(l7, NC1, m4, c, out var m5);

        m2 = AddCarry(m2, l4, 0, out c);
        m3 = AddCarry(m3, l5, c, out c);
        m4 = AddCarry(m4, l6, c, out c);
        m5 = AddCarry(m5, l7, c, out var m6);

        // p = m[0..3] + m[4..6]·NC, below 2^260 (m6 is at most 2).
        var p0 = MulAdd(m4, NC0, m0, 0, out c);
        var p1 = MulAdd(m5, NC0, m1, c, out c);
        var p2 = MulAdd(m6, NC0, m2, c, out c);
        var p3 = AddCarry(m3, 0, c, out var p4);

        p1 = MulAdd(m4, NC1, p1, 0, out c);
        p2 = MulAdd(m5, NC1, p2, c, out c);
        p3 = MulAdd(m6, NC1, p3, c, out c);
        p4 += c;

        p2 = AddCarry(p2, m4, 0, out c);
        p3 = AddCarry(p3, m5, c, out c);
        p4 += m6 + c;

        // r = p[0..3] + p4·NC, below 2^256 + 2^134; a carry out leaves r tiny, so one more fold settles it.
        var r0 = MulAdd(p4, NC0, p0, 0, out c);
        var r1 = MulAdd(p4, NC1, p1, c, out c);
        var r2 = AddCarry(p2, p4, c, out c);
        var r3 = AddCarry(p3, 0, c, out carry);
        return new Scalar(r0, r1, r2, r3);
    }
}
