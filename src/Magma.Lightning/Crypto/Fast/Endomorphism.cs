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
/// With c1 = round(k·b2/n) and c2 = round(−k·b1/n), k2 = −c1·b1 − c2·b2 and k1 = k − k2·λ. The divisions
/// are replaced by multiplications with g1 = round(2^384·b2/n) and g2 = round(2^384·(−b1)/n) and a
/// rounded shift by 384, which leaves |k1|, |k2| below 2^128 (checked on edge cases and random scalars
/// in the tests).
/// </remarks>
internal static class Endomorphism
{
    /// <summary>β, a primitive cube root of unity mod p.</summary>
    public static readonly FieldElement Beta = FieldElement.FromWords(
        0xc1396c28719501ee, 0x9cf0497512f58995, 0x6e64479eac3434e9, 0x7ae96a2b657c0710);

    /// <summary>λ, the matching cube root of unity mod n: λ·(x, y) = (β·x, y).</summary>
    public static readonly Scalar Lambda = new(
        0xdf02967c1b23bd72, 0x122e22ea20816678, 0xa5261c028812645a, 0x5363ad4cc05c30e0);

    private static readonly Scalar MinusLambda = Lambda.Negate();

    private static readonly Scalar G1 = new(
        0xe893209a45dbb031, 0x3daa8a1471e8ca7f, 0xe86c90e49284eb15, 0x3086d221a7d46bcd);

    private static readonly Scalar G2 = new(
        0x1571b4ae8ac47f71, 0x221208ac9df506c6, 0x6f547fa90abfe4c4, 0xe4437ed6010e8828);

    /// <summary>−b1 mod n (a 128-bit number).</summary>
    private static readonly Scalar MinusB1 = new(0x6f547fa90abfe4c3, 0xe4437ed6010e8828, 0, 0);

    /// <summary>−b2 mod n.</summary>
    private static readonly Scalar MinusB2 = new Scalar(0xe86c90e49284eb15, 0x3086d221a7d46bcd, 0, 0).Negate();

    /// <summary>
    /// Splits k into k1 + k2·λ (mod n). The halves are returned as scalars mod n; each is either small
    /// or the negation of a small one (use <see cref="Scalar.IsHigh"/> to tell).
    /// </summary>
    public static void Split(in Scalar k, out Scalar k1, out Scalar k2)
    {
        var c1 = k.MulShiftRound384(G1);
        var c2 = k.MulShiftRound384(G2);
        k2 = c1.Mul(MinusB1).Add(c2.Mul(MinusB2));
        k1 = k2.Mul(MinusLambda).Add(k);
    }
}
