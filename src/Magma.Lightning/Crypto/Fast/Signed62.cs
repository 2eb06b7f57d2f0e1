namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// A signed integer of up to ~308 bits as five limbs in radix 2^62: value = Σ Vᵢ·2^(62i). In canonical
/// form V0..V3 lie in [0, 2^62) and V4 carries the sign, so every value has one representation.
/// Used by <see cref="ModularInverse"/>, whose matrix steps need signed headroom.
/// </summary>
internal struct Signed62
{
    public const long Mask62 = (1L << 62) - 1;

    public long V0, V1, V2, V3, V4;

    public Signed62(long v0, long v1, long v2, long v3, long v4)
    {
        V0 = v0;
        V1 = v1;
        V2 = v2;
        V3 = v3;
        V4 = v4;
    }

    public static Signed62 FromWords(ulong w0, ulong w1, ulong w2, ulong w3) => new(
        (long)(w0 & Mask62),
        (long)((w0 >> 62 | w1 << 2) & Mask62),
        (long)((w1 >> 60 | w2 << 4) & Mask62),
        (long)((w2 >> 58 | w3 << 6) & Mask62),
        (long)(w3 >> 56));

    /// <summary>For a canonical value in [0, 2^256): the four little-endian 64-bit words.</summary>
    public readonly void ToWords(out ulong w0, out ulong w1, out ulong w2, out ulong w3)
    {
        w0 = (ulong)V0 | (ulong)V1 << 62;
        w1 = (ulong)V1 >> 2 | (ulong)V2 << 60;
        w2 = (ulong)V2 >> 4 | (ulong)V3 << 58;
        w3 = (ulong)V3 >> 6 | (ulong)V4 << 56;
    }

    /// <summary>The low 64 bits of the two's-complement value (canonical form).</summary>
    public readonly ulong LowWord => (ulong)V0 | (ulong)V1 << 62;

    public readonly bool IsZero => (V0 | V1 | V2 | V3 | V4) == 0;

    public readonly bool IsNegative => V4 < 0;

    /// <summary>Adds <paramref name="sign"/>·<paramref name="m"/> (sign ±1) and returns to canonical form.</summary>
    public void AddMultiple(in Signed62 m, long sign)
    {
        long c = V0 + sign * m.V0;
        V0 = c & Mask62; c >>= 62;
        c += V1 + sign * m.V1;
        V1 = c & Mask62; c >>= 62;
        c += V2 + sign * m.V2;
        V2 = c & Mask62; c >>= 62;
        c += V3 + sign * m.V3;
        V3 = c & Mask62; c >>= 62;
        V4 = c + V4 + sign * m.V4;
    }

    /// <summary>Compares two canonical values.</summary>
    public readonly int CompareTo(in Signed62 other)
    {
        if (V4 != other.V4) return V4 < other.V4 ? -1 : 1;
        if (V3 != other.V3) return V3 < other.V3 ? -1 : 1;
        if (V2 != other.V2) return V2 < other.V2 ? -1 : 1;
        if (V1 != other.V1) return V1 < other.V1 ? -1 : 1;
        return V0.CompareTo(other.V0);
    }

    public void Negate()
    {
        var zero = default(Signed62);
        zero.AddMultiple(this, -1);
        this = zero;
    }
}
