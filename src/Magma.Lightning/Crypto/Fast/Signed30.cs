using System.Runtime.CompilerServices;

namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// A signed integer of up to ~269 bits as nine limbs in radix 2^30: value = Σ Limbs[i]·2^(30i). In canonical
/// form limbs 0..7 lie in [0, 2^30) and limb 8 carries the sign, so every value has one representation.
/// Used by <see cref="ModularInverse"/>: 30-bit limbs times 30-bit matrix entries fit a 64-bit product
/// with room for the sums, so the matrix steps need no 128-bit arithmetic.
/// </summary>
internal struct Signed30
{
    public const int Count = 9;
    public const long Mask30 = (1L << 30) - 1;

    public LimbArray Limbs;

    [InlineArray(Count)]
    public struct LimbArray
    {
        private long _element;
    }

    public static Signed30 FromWords(ulong w0, ulong w1, ulong w2, ulong w3)
    {
        var result = default(Signed30);
        for (var i = 0; i < Count; i++)
        {
            var offset = 30 * i;
            result.Limbs[i] = (long)(Bits(w0, w1, w2, w3, offset) & Mask30);
        }
        return result;
    }

    /// <summary>64 bits of the 256-bit number (w3..w0) starting at <paramref name="offset"/>.</summary>
    private static ulong Bits(ulong w0, ulong w1, ulong w2, ulong w3, int offset)
    {
        var index = offset >> 6;
        var shift = offset & 63;
        ulong Word(int i) => i switch { 0 => w0, 1 => w1, 2 => w2, 3 => w3, _ => 0 };
        var bits = Word(index) >> shift;
        if (shift != 0)
            bits |= Word(index + 1) << (64 - shift);
        return bits;
    }

    /// <summary>For a canonical value in [0, 2^256): the four little-endian 64-bit words.</summary>
    public readonly void ToWords(out ulong w0, out ulong w1, out ulong w2, out ulong w3)
    {
        UInt128 low = 0, high = 0; // bits 0..127 and 128..255
        for (var i = Count - 1; i >= 0; i--)
        {
            // value = value·2^30 + limb, over 256 bits.
            high = high << 30 | low >> 98;
            low = low << 30 | (ulong)Limbs[i];
        }
        w0 = (ulong)low;
        w1 = (ulong)(low >> 64);
        w2 = (ulong)high;
        w3 = (ulong)(high >> 64);
    }

    /// <summary>The low 64 bits of the two's-complement value (canonical form).</summary>
    public readonly ulong LowWord => (ulong)Limbs[0] | (ulong)Limbs[1] << 30 | (ulong)Limbs[2] << 60;

    public readonly bool IsZero
    {
        get
        {
            long any = 0;
            for (var i = 0; i < Count; i++)
                any |= Limbs[i];
            return any == 0;
        }
    }

    public readonly bool IsNegative => Limbs[Count - 1] < 0;

    /// <summary>Adds <paramref name="sign"/>·<paramref name="m"/> (sign ±1) and returns to canonical form.</summary>
    public void AddMultiple(in Signed30 m, long sign)
    {
        long carry = 0;
        for (var i = 0; i < Count - 1; i++)
        {
            carry += Limbs[i] + sign * m.Limbs[i];
            Limbs[i] = carry & Mask30;
            carry >>= 30;
        }
        Limbs[Count - 1] += carry + sign * m.Limbs[Count - 1];
    }

    /// <summary>Compares two canonical values.</summary>
    public readonly int CompareTo(in Signed30 other)
    {
        for (var i = Count - 1; i >= 0; i--)
        {
            if (Limbs[i] != other.Limbs[i])
                return Limbs[i] < other.Limbs[i] ? -1 : 1;
        }
        return 0;
    }

    public void Negate()
    {
        var zero = default(Signed30);
        zero.AddMultiple(this, -1);
        this = zero;
    }
}
