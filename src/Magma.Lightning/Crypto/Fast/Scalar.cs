using System.Buffers.Binary;

namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// An integer mod n (the order of secp256k1's group) as four little-endian 64-bit words, always fully
/// reduced to [0, n). Variable-time: public data only (see <see cref="FieldElement"/>).
/// </summary>
/// <remarks>
/// The GLV halves and the 128-bit pieces of a scalar reuse this type as plain non-negative integers below
/// 2^129; those never go through the modular operations.
/// </remarks>
internal readonly partial struct Scalar
{
    // n = 2^256 − NC with NC = 0x1_4551231950B75FC4_402DA1732FC9BEBF (129 bits).
    internal const ulong NWord0 = 0xBFD25E8CD0364141, NWord1 = 0xBAAEDCE6AF48A03B;
    internal const ulong NWord2 = 0xFFFFFFFFFFFFFFFE, NWord3 = 0xFFFFFFFFFFFFFFFF;
    private const ulong NC0 = 0x402DA1732FC9BEBF, NC1 = 0x4551231950B75FC4;

    public readonly ulong D0, D1, D2, D3;

    public Scalar(ulong d0, ulong d1, ulong d2, ulong d3)
    {
        D0 = d0;
        D1 = d1;
        D2 = d2;
        D3 = d3;
    }

    public bool IsZero => (D0 | D1 | D2 | D3) == 0;

    /// <summary>
    /// Reads 32 big-endian bytes and reduces mod n. <paramref name="overflow"/> tells whether the number
    /// was ≥ n (it is below 2^256 &lt; 2n, so one subtraction reduces it).
    /// </summary>
    public static Scalar FromBytes(ReadOnlySpan<byte> bytes32, out bool overflow)
    {
        var value = new Scalar(
            BinaryPrimitives.ReadUInt64BigEndian(bytes32[24..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32));
        overflow = !value.IsBelow(NWord0, NWord1, NWord2, NWord3);
        return overflow ? value.AddWords(NC0, NC1, 1, 0, out _) : value; // x − n = x + NC − 2^256
    }

    public void WriteBytes(Span<byte> destination32)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination32, D3);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[8..], D2);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[16..], D1);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[24..], D0);
    }

    public Scalar Negate() =>
        IsZero ? this : new Scalar(NWord0, NWord1, NWord2, NWord3).SubtractWords(D0, D1, D2, D3);

    public Scalar Add(in Scalar b)
    {
        var sum = AddWords(b.D0, b.D1, b.D2, b.D3, out var carry);
        // sum + carry·2^256 < 2n: subtract n once when it is ≥ n (adding NC also drops the 2^256 carry).
        return carry || !sum.IsBelow(NWord0, NWord1, NWord2, NWord3) ? sum.AddWords(NC0, NC1, 1, 0, out _) : sum;
    }

    /// <summary>
    /// this + n as a plain 256-bit number (not reduced); <paramref name="carry"/> is set when the sum
    /// reaches 2^256. ECDSA needs it because an R.x in [n, p) shows up in a signature as R.x − n.
    /// </summary>
    public Scalar PlusOrder(out bool carry) => AddWords(NWord0, NWord1, NWord2, NWord3, out carry);

    /// <summary>Whether this is above n/2: the "high S" an ECDSA signature is normalised away from.</summary>
    public bool IsAboveHalfOrder => !IsBelow(0xDFE92F46681B20A1, 0x5D576E7357A4501D, 0xFFFFFFFFFFFFFFFF, 0x7FFFFFFFFFFFFFFF);

    /// <summary>1/this mod n by variable-time safegcd (0 maps to 0).</summary>
    public Scalar InverseVar()
    {
        ulong w0 = D0, w1 = D1, w2 = D2, w3 = D3;
        ModularInverse.Order.InvertVar(ref w0, ref w1, ref w2, ref w3);
        return new Scalar(w0, w1, w2, w3);
    }

    /// <summary>Whether this (as a 256-bit number) is below the number given by four words.</summary>
    private bool IsBelow(ulong w0, ulong w1, ulong w2, ulong w3)
    {
        if (D3 != w3) return D3 < w3;
        if (D2 != w2) return D2 < w2;
        if (D1 != w1) return D1 < w1;
        return D0 < w0;
    }

    private Scalar AddWords(ulong w0, ulong w1, ulong w2, ulong w3, out bool carryOut)
    {
        var r0 = D0 + w0;
        ulong c = r0 < w0 ? 1UL : 0UL;
        var s1 = D1 + c;
        c = s1 < c ? 1UL : 0UL;
        var r1 = s1 + w1;
        c += r1 < w1 ? 1UL : 0UL;
        var s2 = D2 + c;
        c = s2 < c ? 1UL : 0UL;
        var r2 = s2 + w2;
        c += r2 < w2 ? 1UL : 0UL;
        var s3 = D3 + c;
        c = s3 < c ? 1UL : 0UL;
        var r3 = s3 + w3;
        c += r3 < w3 ? 1UL : 0UL;
        carryOut = c != 0;
        return new Scalar(r0, r1, r2, r3);
    }

    /// <summary>this − (w3..w0); callers guarantee no borrow out.</summary>
    private Scalar SubtractWords(ulong w0, ulong w1, ulong w2, ulong w3)
    {
        var r0 = D0 - w0;
        ulong b = D0 < w0 ? 1UL : 0UL;
        var t1 = D1 - w1;
        var b1 = D1 < w1 ? 1UL : 0UL;
        var r1 = t1 - b;
        b = b1 | (t1 < b ? 1UL : 0UL);
        var t2 = D2 - w2;
        var b2 = D2 < w2 ? 1UL : 0UL;
        var r2 = t2 - b;
        b = b2 | (t2 < b ? 1UL : 0UL);
        var r3 = D3 - w3 - b;
        return new Scalar(r0, r1, r2, r3);
    }

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[32];
        WriteBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
