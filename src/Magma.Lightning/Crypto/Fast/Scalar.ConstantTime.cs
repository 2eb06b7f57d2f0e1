using System.Buffers.Binary;

namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// Constant-time arithmetic mod n for the secret parts of signing (s = k⁻¹·(e + d·r)): the same
/// multiplication as <see cref="Mul"/> with its final reductions done by masks instead of branches.
/// </summary>
/// <remarks>
/// The product and the folds are straight-line 64×64→128-bit multiplies (<c>Math.BigMul</c>) and
/// <see cref="UInt128"/> additions; only the last conditional steps of <see cref="Reduce"/> and
/// <see cref="Add"/> branch on the value, and these replace them. Everything else on <see cref="Scalar"/>
/// (<see cref="FromBytes"/>, <see cref="Add"/>, <see cref="Negate"/>, <see cref="InverseVar"/>) stays
/// variable-time: public data, or blinded values (see <see cref="InverseBlinded"/>).
/// </remarks>
internal readonly partial struct Scalar
{
    /// <summary>
    /// Reads 32 big-endian bytes known to encode a number below n (a valid private key, an RFC6979 nonce)
    /// without <see cref="FromBytes"/>'s comparisons.
    /// </summary>
    public static Scalar FromSecretBytes(ReadOnlySpan<byte> bytes32) => new(
        BinaryPrimitives.ReadUInt64BigEndian(bytes32[24..]),
        BinaryPrimitives.ReadUInt64BigEndian(bytes32[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(bytes32[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(bytes32));

    /// <summary>this·b mod n in constant time (any 256-bit operands; the result is in [0, n)).</summary>
    public Scalar MulConstantTime(in Scalar b)
    {
        Product(this, b, out var l0, out var l1, out var l2, out var l3, out var l4, out var l5, out var l6, out var l7);
        var r = Fold(l0, l1, l2, l3, l4, l5, l6, l7, out var carry);
        // Adding NC drops the 2^256 carry mod n; for carry 0 add nothing (mask 0).
        r = r.AddMasked(0UL - carry);
        return r.SubtractOrderIfAtLeast(0);
    }

    /// <summary>this + b mod n in constant time, for operands below n.</summary>
    public Scalar AddConstantTime(in Scalar b)
    {
        var r0 = AddCarry(D0, b.D0, 0, out var c);
        var r1 = AddCarry(D1, b.D1, c, out c);
        var r2 = AddCarry(D2, b.D2, c, out c);
        var r3 = AddCarry(D3, b.D3, c, out c);
        // The sum is below 2n: subtract n once when it carried out of 2^256 or is otherwise ≥ n.
        return new Scalar(r0, r1, r2, r3).SubtractOrderIfAtLeast(c);
    }

    /// <summary>
    /// 1/this mod n for a secret value, through the fast variable-time inversion on a blinded input:
    /// 1/k = b · 1/(k·b) for a fresh uniformly random b ∈ [1, n). k·b is then uniform on [1, n) and
    /// independent of k, so the inversion's timing says nothing about k; both multiplications are
    /// constant-time. 0 maps to 0. Allocation-free.
    /// </summary>
    public Scalar InverseBlinded()
    {
        var blinding = RandomNonzero();
        return MulConstantTime(blinding).InverseVar().MulConstantTime(blinding);
    }

    /// <summary>A uniformly random scalar in [1, n), by rejection (a retry has probability about 2^−128).</summary>
    private static Scalar RandomNonzero()
    {
        Span<byte> bytes = stackalloc byte[32];
        while (true)
        {
            System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
            var value = FromBytes(bytes, out var overflow);
            if (!overflow && !value.IsZero)
            {
                bytes.Clear();
                return value;
            }
        }
    }

    /// <summary>this + (NC masked), dropping the carry: subtracting n mod 2^256 when the mask is all ones.</summary>
    private Scalar AddMasked(ulong mask)
    {
        var r0 = AddCarry(D0, NC0 & mask, 0, out var c);
        var r1 = AddCarry(D1, NC1 & mask, c, out c);
        var r2 = AddCarry(D2, 1 & mask, c, out c);
        var r3 = AddCarry(D3, 0, c, out _);
        return new Scalar(r0, r1, r2, r3);
    }

    /// <summary>
    /// For a value V = this + <paramref name="carry"/>·2^256 below 2n: V − n when V ≥ n, else V, as a mask
    /// select. this + NC carries out of 2^256 exactly when this ≥ n.
    /// </summary>
    private Scalar SubtractOrderIfAtLeast(ulong carry)
    {
        var t0 = AddCarry(D0, NC0, 0, out var c);
        var t1 = AddCarry(D1, NC1, c, out c);
        var t2 = AddCarry(D2, 1, c, out c);
        var t3 = AddCarry(D3, 0, c, out c);
        var useReduced = 0UL - (c | carry);
        return new Scalar(
            (t0 & useReduced) | (D0 & ~useReduced),
            (t1 & useReduced) | (D1 & ~useReduced),
            (t2 & useReduced) | (D2 & ~useReduced),
            (t3 & useReduced) | (D3 & ~useReduced));
    }
}
