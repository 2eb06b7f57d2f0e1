using System.Numerics;

namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// Width-w non-adjacent form: k = Σ dᵢ·2^i with every nonzero dᵢ odd, |dᵢ| &lt; 2^(w−1), and at least w−1
/// zeros after each nonzero digit. A point multiplication then needs only the odd multiples
/// 1·P, 3·P, …, (2^(w−1) − 1)·P and about one addition per w+1 bits.
/// </summary>
internal static class Wnaf
{
    /// <summary>
    /// Writes the digits of a non-negative number below 2^<paramref name="bits"/> (at most 191 bits) into
    /// <paramref name="digits"/> (which needs at least bits + 1 entries and is cleared first) and returns
    /// the number of digits up to the highest nonzero one (0 for k = 0).
    /// </summary>
    public static int Compute(in Scalar k, int width, int bits, Span<int> digits)
    {
        if (bits > 191 || k.D3 != 0)
            throw new ArgumentOutOfRangeException(nameof(bits), "wNAF input must be below 2^191.");
        digits[..(bits + 1)].Clear();
        var mask = (1UL << width) - 1;
        var length = 0;
        var carry = 0UL; // a borrowed 2^w from the last negative digit, pending at the current position
        var position = 0;
        // (low, middle, high) = k >> position, shifted along as the position advances.
        ulong low = k.D0, middle = k.D1, high = k.D2;
        while (position <= bits)
        {
            // The part of k still to encode is (k >> position) + carry; its low bit is bit ^ carry. Skip the
            // run of even positions at once: zeros of k while no carry is pending, ones while one is (a
            // pending carry ripples through ones, leaving zero digits behind).
            var run = carry == 0 ? low : ~low;
            if (run == 0)
            {
                (low, middle, high) = (middle, high, 0);
                position += 64;
                continue;
            }
            var skip = BitOperations.TrailingZeroCount(run);
            ShiftRight(ref low, ref middle, ref high, skip);
            position += skip;
            if (position > bits)
                break;

            // Odd: take the next w bits (plus the carry; the sum is odd so it cannot reach 2^w) and pick
            // the odd digit congruent to them mod 2^w, in (−2^(w−1), 2^(w−1)).
            var window = (low & mask) + carry;
            carry = window >> (width - 1);
            digits[position] = (int)window - (int)(carry << width);
            length = position + 1;
            ShiftRight(ref low, ref middle, ref high, width);
            position += width;
        }
        return length;
    }

    private static void ShiftRight(ref ulong low, ref ulong middle, ref ulong high, int count)
    {
        if (count == 0)
            return;
        low = low >> count | middle << (64 - count);
        middle = middle >> count | high << (64 - count);
        high >>= count;
    }
}
