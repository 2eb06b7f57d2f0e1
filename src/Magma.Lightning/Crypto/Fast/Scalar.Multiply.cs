namespace Magma.Lightning.Crypto.Fast;

/// <summary>Multiplication mod n, and the rounded high product the GLV split needs.</summary>
internal readonly partial struct Scalar
{
    /// <summary>
    /// A column accumulator of up to 192 bits: enough for the sum of a few 128-bit products.
    /// </summary>
    private struct Accumulator
    {
        private UInt128 _low;
        private ulong _high;

        public void MulAdd(ulong a, ulong b) => Add(Math.BigMul(a, b));

        public void Add(UInt128 value)
        {
            var sum = _low + value;
            if (sum < value)
                _high++;
            _low = sum;
        }

        /// <summary>Takes the low 64 bits out and shifts the rest down.</summary>
        public ulong Extract()
        {
            var word = (ulong)_low;
            _low = (_low >> 64) | ((UInt128)_high << 64);
            _high = 0;
            return word;
        }
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
        var roundUp = l5 >> 63;
        var r0 = l6 + roundUp;
        var r1 = l7 + (r0 < roundUp ? 1UL : 0UL);
        return new Scalar(r0, r1, 0, 0);
    }

    /// <summary>The full 512-bit product of two 256-bit numbers, by columns.</summary>
    private static void Product(in Scalar a, in Scalar b,
        out ulong l0, out ulong l1, out ulong l2, out ulong l3, out ulong l4, out ulong l5, out ulong l6, out ulong l7)
    {
        var acc = default(Accumulator);
        acc.MulAdd(a.D0, b.D0);
        l0 = acc.Extract();
        acc.MulAdd(a.D0, b.D1);
        acc.MulAdd(a.D1, b.D0);
        l1 = acc.Extract();
        acc.MulAdd(a.D0, b.D2);
        acc.MulAdd(a.D1, b.D1);
        acc.MulAdd(a.D2, b.D0);
        l2 = acc.Extract();
        acc.MulAdd(a.D0, b.D3);
        acc.MulAdd(a.D1, b.D2);
        acc.MulAdd(a.D2, b.D1);
        acc.MulAdd(a.D3, b.D0);
        l3 = acc.Extract();
        acc.MulAdd(a.D1, b.D3);
        acc.MulAdd(a.D2, b.D2);
        acc.MulAdd(a.D3, b.D1);
        l4 = acc.Extract();
        acc.MulAdd(a.D2, b.D3);
        acc.MulAdd(a.D3, b.D2);
        l5 = acc.Extract();
        acc.MulAdd(a.D3, b.D3);
        l6 = acc.Extract();
        l7 = acc.Extract();
    }

    /// <summary>
    /// Reduces a 512-bit number mod n using 2^256 ≡ NC (mod n), NC = 2^256 − n ≈ 2^128.6: each fold
    /// shrinks the excess over 256 bits by about 127 bits.
    /// </summary>
    private static Scalar Reduce(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5, ulong l6, ulong l7)
    {
        // m = l[0..3] + l[4..7]·NC, below 2^386. NC's words are NC0, NC1, 1.
        var acc = default(Accumulator);
        acc.Add(l0);
        acc.MulAdd(l4, NC0);
        var m0 = acc.Extract();
        acc.Add(l1);
        acc.MulAdd(l5, NC0);
        acc.MulAdd(l4, NC1);
        var m1 = acc.Extract();
        acc.Add(l2);
        acc.MulAdd(l6, NC0);
        acc.MulAdd(l5, NC1);
        acc.Add(l4);
        var m2 = acc.Extract();
        acc.Add(l3);
        acc.MulAdd(l7, NC0);
        acc.MulAdd(l6, NC1);
        acc.Add(l5);
        var m3 = acc.Extract();
        acc.MulAdd(l7, NC1);
        acc.Add(l6);
        var m4 = acc.Extract();
        acc.Add(l7);
        var m5 = acc.Extract();
        var m6 = acc.Extract();

        // p = m[0..3] + m[4..6]·NC, below 2^260.
        acc.Add(m0);
        acc.MulAdd(m4, NC0);
        var p0 = acc.Extract();
        acc.Add(m1);
        acc.MulAdd(m5, NC0);
        acc.MulAdd(m4, NC1);
        var p1 = acc.Extract();
        acc.Add(m2);
        acc.MulAdd(m6, NC0);
        acc.MulAdd(m5, NC1);
        acc.Add(m4);
        var p2 = acc.Extract();
        acc.Add(m3);
        acc.MulAdd(m6, NC1);
        acc.Add(m5);
        var p3 = acc.Extract();
        acc.Add(m6);
        var p4 = acc.Extract();

        // r = p[0..3] + p4·NC, below 2^256 + 2^134; a carry out leaves r tiny, so one more fold settles it.
        acc.Add(p0);
        acc.MulAdd(p4, NC0);
        var r0 = acc.Extract();
        acc.Add(p1);
        acc.MulAdd(p4, NC1);
        var r1 = acc.Extract();
        acc.Add(p2);
        acc.Add(p4);
        var r2 = acc.Extract();
        acc.Add(p3);
        var r3 = acc.Extract();
        var carry = acc.Extract();
        var r = new Scalar(r0, r1, r2, r3);
        if (carry != 0)
            r = r.AddWords(NC0, NC1, 1, 0, out _);
        // r < 2^256 < 2n: at most one subtraction of n.
        return r.IsBelow(NWord0, NWord1, NWord2, NWord3) ? r : r.AddWords(NC0, NC1, 1, 0, out _);
    }
}
