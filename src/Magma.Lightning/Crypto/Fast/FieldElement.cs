using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// An element of GF(p), p = 2^256 − 2^32 − 977, as five unsigned limbs in radix 2^52
/// (value = N0 + N1·2^52 + N2·2^104 + N3·2^156 + N4·2^208) with lazy reduction.
/// </summary>
/// <remarks>
/// <para>
/// VARIABLE-TIME. Everything under <c>Crypto/Fast</c> branches and indexes on its inputs, so it must only
/// ever see public data (signatures, digests, public keys) — with one deliberate exception: the secret
/// multiplications k·G and d·G run in <see cref="SecretGeneratorMultiplier"/>, on
/// <see cref="ProjectivePoint"/> and <see cref="GeneratorWindowTable.Select"/>, which use only the
/// constant-time subset of this type listed in <c>FieldElement.ConstantTime.cs</c>. Any change to those
/// operations must keep them free of branches and memory indexes that depend on limb values.
/// </para>
/// <para>
/// Limbs may hold more than 52 bits so that additions need no carries. The <b>magnitude</b> m of an element
/// bounds its limbs: N0..N3 ≤ m·2^52 and N4 ≤ m·2^48. <see cref="Mul"/> and <see cref="Sqr"/> return
/// "products": magnitude 1 plus a slack of at most 2^48 per limb (limbs below 2^52 + 2^48, N4 below
/// 2^48 + 2^11), so chains of products stay bounded; <see cref="NormalizeWeak"/> returns magnitude exactly 1.
/// Each operation states the limb limits it needs — Mul: first factor below 2^58, second below 2^54;
/// Sqr: below 2^54; Negate(m): no limb above (m+1)·pᵢ, which holds for magnitude m and, with m = 1, for
/// products. The magnitudes annotated in the point formulas ignore the products' slack (under 1/16);
/// every limit used leaves more headroom than that. Debug builds check every limit at every call.
/// The represented value is only defined mod p: it may be ≥ p until <see cref="Normalize"/> is called.
/// </para>
/// </remarks>
internal readonly partial struct FieldElement
{
    internal const ulong Mask52 = 0xF_FFFF_FFFF_FFFF;
    internal const ulong Mask48 = 0xFFFF_FFFF_FFFF;

    /// <summary>2^256 mod p = 2^32 + 977: a carry out of bit 256 folds back in as this small constant.</summary>
    internal const ulong FoldConstant = 0x1000003D1;

    // p in radix 2^52.
    private const ulong P0 = 0xF_FFFE_FFFF_FC2F;
    private const ulong P1 = Mask52, P2 = Mask52, P3 = Mask52;
    private const ulong P4 = Mask48;

    public readonly ulong N0, N1, N2, N3, N4;

    public FieldElement(ulong n0, ulong n1, ulong n2, ulong n3, ulong n4)
    {
        N0 = n0;
        N1 = n1;
        N2 = n2;
        N3 = n3;
        N4 = n4;
    }

    public static FieldElement Zero => default;

    public static FieldElement One => new(1, 0, 0, 0, 0);

    public static FieldElement FromInt(uint value) => new(value, 0, 0, 0, 0);

    /// <summary>Limb-wise sum; the magnitude is the sum of the operands' magnitudes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FieldElement Add(in FieldElement b) => new(N0 + b.N0, N1 + b.N1, N2 + b.N2, N3 + b.N3, N4 + b.N4);

    /// <summary>Multiplies by a small integer; the magnitude is multiplied by <paramref name="k"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FieldElement MulInt(uint k) => new(N0 * k, N1 * k, N2 * k, N3 * k, N4 * k);

    /// <summary>
    /// −a for an input whose limbs are at most (m+1)·pᵢ, m = <paramref name="magnitude"/>: any element of
    /// magnitude m, and any product for m = 1 (2·P0 = 2^53 − 2^33 − 1954 exceeds 2^52 + 2^48). It is
    /// computed as (m+1)·p − a limb by limb, so nothing underflows; the result has magnitude m + 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FieldElement Negate(uint magnitude)
    {
        RequireNegatable(magnitude, "Negate");
        var k = magnitude + 1UL;
        return new(k * P0 - N0, k * P1 - N1, k * P2 - N2, k * P3 - N3, k * P4 - N4);
    }

    /// <summary>
    /// kx·x − ky·y in one pass, as kx·x + ky·((my+1)·p − y) limb by limb (y's limbs at most (my+1)·pᵢ, as for
    /// <see cref="Negate"/>). Fusing the steps keeps the intermediate limbs out of memory; the result's
    /// magnitude is kx·mag(x) + ky·(my + 1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldElement Combine(in FieldElement x, uint kx, in FieldElement y, uint ky, uint my)
    {
        y.RequireNegatable(my, "Combine");
        ulong k = my + 1UL;
        return new(
            kx * x.N0 + ky * (k * P0 - y.N0),
            kx * x.N1 + ky * (k * P1 - y.N1),
            kx * x.N2 + ky * (k * P2 - y.N2),
            kx * x.N3 + ky * (k * P3 - y.N3),
            kx * x.N4 + ky * (k * P4 - y.N4));
    }

    /// <summary>kx·x − ky·y − kz·z in one pass (see the two-term <see cref="Combine(in FieldElement, uint, in FieldElement, uint, uint)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldElement Combine(in FieldElement x, uint kx, in FieldElement y, uint ky, uint my, in FieldElement z, uint kz, uint mz)
    {
        y.RequireNegatable(my, "Combine");
        z.RequireNegatable(mz, "Combine");
        ulong k = ky * (my + 1UL) + kz * (mz + 1UL);
        return new(
            kx * x.N0 + k * P0 - ky * y.N0 - kz * z.N0,
            kx * x.N1 + k * P1 - ky * y.N1 - kz * z.N1,
            kx * x.N2 + k * P2 - ky * y.N2 - kz * z.N2,
            kx * x.N3 + k * P3 - ky * y.N3 - kz * z.N3,
            kx * x.N4 + k * P4 - ky * y.N4 - kz * z.N4);
    }

    /// <summary>
    /// Propagates carries so the result has magnitude 1 (limbs below 2^52, N4 below 2^48, N1 at most 2^52).
    /// Accepts any limbs below 2^63. Bits from 2^256 up are folded back with 2^256 ≡ 2^32 + 977.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FieldElement NormalizeWeak()
    {
        RequireLimbsBelow(1UL << 63, "NormalizeWeak");
        ulong t0 = N0, t1 = N1, t2 = N2, t3 = N3, t4 = N4;
        t1 += t0 >> 52; t0 &= Mask52;
        t2 += t1 >> 52; t1 &= Mask52;
        t3 += t2 >> 52; t2 &= Mask52;
        t4 += t3 >> 52; t3 &= Mask52;
        t0 += (t4 >> 48) * FoldConstant; t4 &= Mask48;
        // t4 >> 48 < 2^15, so t0 < 2^52 + 2^48: at most one more carry, into t1 (which is < 2^52).
        t1 += t0 >> 52; t0 &= Mask52;
        return new(t0, t1, t2, t3, t4);
    }

    /// <summary>
    /// One parallel carry step (limbs below 2^63 in): the result is bounded like a product, which is all the
    /// formulas need, in two dependent steps where <see cref="NormalizeWeak"/> takes six.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FieldElement CarryOnce()
    {
        RequireLimbsBelow(1UL << 63, "CarryOnce");
        CarryLazily(N0, N1, N2, N3, N4, out var r0, out var r1, out var r2, out var r3, out var r4);
        return new(r0, r1, r2, r3, r4);
    }

    /// <summary>The unique representative in [0, p) with every limb in range (accepts limbs below 2^63).</summary>
    public FieldElement Normalize()
    {
        RequireLimbsBelow(1UL << 63, "Normalize");
        var w = NormalizeWeak();
        ulong t0 = w.N0, t1 = w.N1, t2 = w.N2, t3 = w.N3, t4 = w.N4;
        // A weakly normalised value is below 2^256 + 2^52, but t1 may still be exactly 2^52: carry once more.
        t2 += t1 >> 52; t1 &= Mask52;
        t3 += t2 >> 52; t2 &= Mask52;
        t4 += t3 >> 52; t3 &= Mask52;
        if ((t4 >> 48) != 0)
        {
            // Only possible when t2 and t3 overflowed to zero, so value − 2^256 = t0 + t1·2^52 and the
            // reduced value t0 + t1·2^52 + 2^32 + 977 is far below p; two short carries make the limbs canonical.
            t4 &= Mask48;
            t0 += FoldConstant;
            t1 += t0 >> 52; t0 &= Mask52;
            t2 += t1 >> 52; t1 &= Mask52;
        }
        // Now value < 2^256; subtract p once if value ≥ p (p's limbs are all-ones except P0).
        if (t4 == P4 && (t3 & t2 & t1) == Mask52 && t0 >= P0)
        {
            t0 -= P0;
            t1 = t2 = t3 = t4 = 0;
        }
        return new(t0, t1, t2, t3, t4);
    }

    /// <summary>True when the value is 0 mod p (accepts limbs below 2^63).</summary>
    /// <remarks>
    /// One parallel carry step (<see cref="CarryOnce"/>) would leave a value V' below 2p, so V ≡ 0 only if
    /// V' ∈ {0, p}, and V' mod 2^52 — which the carry's limb 0 alone determines — is then 0 or p mod 2^52.
    /// Checking that first settles almost every call in a few instructions; the rest normalise.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsZeroModP()
    {
        RequireLimbsBelow(1UL << 63, "IsZeroModP");
        var low = ((N0 & Mask52) + (N4 >> 48) * FoldConstant) & Mask52;
        return (low == 0 || low == P0) && NormalizesToZero();
    }

    private bool NormalizesToZero()
    {
        var n = Normalize();
        return (n.N0 | n.N1 | n.N2 | n.N3 | n.N4) == 0;
    }

    /// <summary>True when both represent the same residue (b's magnitude must be at most 31).</summary>
    public bool EqualsModP(in FieldElement b, uint magnitudeOfB) => Add(b.Negate(magnitudeOfB)).IsZeroModP();

    /// <summary>For a normalised element: whether its canonical value is odd (the compressed-point y parity).</summary>
    public bool IsOdd => (N0 & 1) != 0;

    /// <summary>For a normalised element: whether every limb is zero.</summary>
    public bool IsZero => (N0 | N1 | N2 | N3 | N4) == 0;

    /// <summary>Parses 32 big-endian bytes; false when the number is ≥ p (no silent reduction).</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes32, out FieldElement value)
    {
        var w3 = BinaryPrimitives.ReadUInt64BigEndian(bytes32);
        var w2 = BinaryPrimitives.ReadUInt64BigEndian(bytes32[8..]);
        var w1 = BinaryPrimitives.ReadUInt64BigEndian(bytes32[16..]);
        var w0 = BinaryPrimitives.ReadUInt64BigEndian(bytes32[24..]);
        return TryFromWords(w0, w1, w2, w3, out value);
    }

    /// <summary>Like <see cref="FromWords"/>, but false when the number is ≥ p.</summary>
    public static bool TryFromWords(ulong w0, ulong w1, ulong w2, ulong w3, out FieldElement value)
    {
        value = FromWords(w0, w1, w2, w3);
        // Canonical limbs: the value is ≥ p exactly when the same test Normalize uses fires.
        return !(value.N4 == P4 && (value.N3 & value.N2 & value.N1) == Mask52 && value.N0 >= P0);
    }

    /// <summary>Splits a 256-bit number given as four little-endian 64-bit words into 52-bit limbs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldElement FromWords(ulong w0, ulong w1, ulong w2, ulong w3) => new(
        w0 & Mask52,
        (w0 >> 52 | w1 << 12) & Mask52,
        (w1 >> 40 | w2 << 24) & Mask52,
        (w2 >> 28 | w3 << 36) & Mask52,
        w3 >> 16);

    /// <summary>For a normalised element: the value as four little-endian 64-bit words.</summary>
    public void ToWords(out ulong w0, out ulong w1, out ulong w2, out ulong w3)
    {
        w0 = N0 | N1 << 52;
        w1 = N1 >> 12 | N2 << 40;
        w2 = N2 >> 24 | N3 << 28;
        w3 = N3 >> 36 | N4 << 16;
    }

    /// <summary>For a normalised element: writes the 32-byte big-endian encoding.</summary>
    public void WriteBytes(Span<byte> destination32)
    {
        ToWords(out var w0, out var w1, out var w2, out var w3);
        BinaryPrimitives.WriteUInt64BigEndian(destination32, w3);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[8..], w2);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[16..], w1);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[24..], w0);
    }

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[32];
        Normalize().WriteBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
