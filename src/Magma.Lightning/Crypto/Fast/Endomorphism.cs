namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// The GLV endomorphism of secp256k1: φ(x, y) = (β·x, y) equals multiplication by λ, where β³ ≡ 1 (mod p)
/// and λ³ ≡ 1 (mod n). Splitting k = k1 + k2·λ with |k1|, |k2| ≈ √n turns one 256-bit multiplication into
/// two 128-bit ones that share their doublings.
/// </summary>
/// <remarks>
/// The split follows Gallant–Lambert–Vanstone with the short lattice basis (a1, b1), (a2, b2) of
/// {(x, y) : x + y·λ ≡ 0 (mod n)}: a1 = b2 = 0x3086d221a7d46bcde86c90e49284eb15,
/// b1 = −0xe4437ed6010e88286f547fa90abfe4c3, a2 = 0x114ca50f7a8e2f3f657c1108d9d44cfd8.
/// With c1 = round(k·b2/n) and c2 = round(−k·b1/n), (k1, k2) = (k, 0) − c1·(a1, b1) − c2·(a2, b2), i.e.
/// k1 = k − c1·a1 − c2·a2 and k2 = −c1·b1 − c2·b2 as plain integers; k1 + k2·λ ≡ k because each basis
/// vector satisfies aᵢ + bᵢ·λ ≡ 0. The divisions are replaced by multiplications with
/// g1 = round(2^384·b2/n) and g2 = round(2^384·(−b1)/n) and a rounded shift by 384.
/// Why the halves are short: a1·b2 − a2·b1 = n, so the exact rationals c1* = k·b2/n, c2* = −k·b1/n make
/// k − c1*·a1 − c2*·a2 and −c1*·b1 − c2*·b2 vanish, and k1 = −(c1 − c1*)·a1 − (c2 − c2*)·a2 (likewise k2).
/// The rounded cᵢ are within 1/2 + 2^−129 of cᵢ*, so |k1| ≤ (|a1| + |a2|)/2 + ε &lt; 2^127.4 and
/// |k2| ≤ (|b1| + |b2|)/2 + ε &lt; 2^127.2 (the tests also check edge cases and 20,000 random scalars).
/// Being that small, both are computed exactly with wrapping arithmetic mod 2^192 and read as two's
/// complement: no reduction mod n at all.
/// </remarks>
internal static class Endomorphism
{
    /// <summary>β, a primitive cube root of unity mod p.</summary>
    public static readonly FieldElement Beta = FieldElement.FromWords(
        0xc1396c28719501ee, 0x9cf0497512f58995, 0x6e64479eac3434e9, 0x7ae96a2b657c0710);

    /// <summary>λ, the matching cube root of unity mod n: λ·(x, y) = (β·x, y).</summary>
    public static readonly Scalar Lambda = new(
        0xdf02967c1b23bd72, 0x122e22ea20816678, 0xa5261c028812645a, 0x5363ad4cc05c30e0);

    private static readonly Scalar G1 = new(
        0xe893209a45dbb031, 0x3daa8a1471e8ca7f, 0xe86c90e49284eb15, 0x3086d221a7d46bcd);

    private static readonly Scalar G2 = new(
        0x1571b4ae8ac47f71, 0x221208ac9df506c6, 0x6f547fa90abfe4c4, 0xe4437ed6010e8828);

    // The basis as little-endian words: a1 = b2, a2 (129 bits), −b1.
    private const ulong A1Low = 0xe86c90e49284eb15, A1High = 0x3086d221a7d46bcd;
    private const ulong A2Low = 0x57c1108d9d44cfd8, A2Mid = 0x14ca50f7a8e2f3f6, A2High = 1;
    private const ulong MinusB1Low = 0x6f547fa90abfe4c3, MinusB1High = 0xe4437ed6010e8828;

    /// <summary>
    /// Splits k into ±|k1| + (±|k2|)·λ ≡ k (mod n), returning each half as a non-negative number below
    /// 2^128 (in a <see cref="Scalar"/> used as a plain integer) and its sign.
    /// </summary>
    public static void Split(in Scalar k, out Scalar k1, out bool k1Negative, out Scalar k2, out bool k2Negative)
    {
        var c1 = k.MulShiftRound384(G1); // below 2^126
        var c2 = k.MulShiftRound384(G2); // below 2^128

        // k1 = k − c1·a1 − c2·a2 (mod 2^192).
        MulLow192(c1.D0, c1.D1, A1Low, A1High, 0, out var p0, out var p1, out var p2);
        MulLow192(c2.D0, c2.D1, A2Low, A2Mid, A2High, out var q0, out var q1, out var q2);
        Subtract192(k.D0, k.D1, k.D2, p0, p1, p2, out var r0, out var r1, out var r2);
        Subtract192(r0, r1, r2, q0, q1, q2, out r0, out r1, out r2);
        k1 = Magnitude(r0, r1, r2, out k1Negative);

        // k2 = c1·(−b1) − c2·b2 (mod 2^192), with b2 = a1.
        MulLow192(c1.D0, c1.D1, MinusB1Low, MinusB1High, 0, out p0, out p1, out p2);
        MulLow192(c2.D0, c2.D1, A1Low, A1High, 0, out q0, out q1, out q2);
        Subtract192(p0, p1, p2, q0, q1, q2, out r0, out r1, out r2);
        k2 = Magnitude(r0, r1, r2, out k2Negative);
    }

    /// <summary>(x1·2^64 + x0)·(y2·2^128 + y1·2^64 + y0) mod 2^192.</summary>
    private static void MulLow192(ulong x0, ulong x1, ulong y0, ulong y1, ulong y2, out ulong r0, out ulong r1, out ulong r2)
    {
        var h00 = Math.BigMul(x0, y0, out r0);
        var h01 = Math.BigMul(x0, y1, out var l01);
        var h10 = Math.BigMul(x1, y0, out var l10);
        var middle = (UInt128)h00 + l01 + l10;
        r1 = (ulong)middle;
        r2 = (ulong)(middle >> 64) + h01 + h10 + x0 * y2 + x1 * y1;
    }

    private static void Subtract192(ulong x0, ulong x1, ulong x2, ulong y0, ulong y1, ulong y2, out ulong r0, out ulong r1, out ulong r2)
    {
        var low = ((UInt128)x1 << 64 | x0) - ((UInt128)y1 << 64 | y0);
        var borrow = ((UInt128)x1 << 64 | x0) < ((UInt128)y1 << 64 | y0) ? 1UL : 0UL;
        r0 = (ulong)low;
        r1 = (ulong)(low >> 64);
        r2 = x2 - y2 - borrow;
    }

    /// <summary>The absolute value of a two's-complement 192-bit number, which must lie within ±2^129.</summary>
    private static Scalar Magnitude(ulong r0, ulong r1, ulong r2, out bool negative)
    {
        negative = (long)r2 < 0;
        if (negative)
        {
            // −x = ~x + 1.
            var low = ~((UInt128)r1 << 64 | r0) + 1;
            r2 = ~r2 + (low == 0 ? 1UL : 0UL);
            r0 = (ulong)low;
            r1 = (ulong)(low >> 64);
        }
        if (r2 > 1)
            throw new InvalidOperationException("GLV split produced a half above 2^129; the split is broken.");
        return new Scalar(r0, r1, r2, 0);
    }
}
