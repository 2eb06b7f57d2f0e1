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
    /// Writes the digits of a non-negative number below 2^<paramref name="bits"/> into
    /// <paramref name="digits"/> (which needs at least bits + 1 entries and is cleared first) and returns
    /// the number of digits up to the highest nonzero one (0 for k = 0).
    /// </summary>
    public static int Compute(in Scalar k, int width, int bits, Span<int> digits)
    {
        digits[..(bits + 1)].Clear();
        var length = 0;
        var carry = 0u; // a borrowed 2^w from the last negative digit, pending at the current position
        var position = 0;
        while (position <= bits)
        {
            // The part of k still to encode is (k >> position) + carry; its low bit is bit ^ carry. Skip the
            // run of even positions at once: zeros of k while no carry is pending, ones while one is (a
            // pending carry ripples through ones, leaving zero digits behind).
            var run = k.GetBits64(position);
            var skip = BitOperations.TrailingZeroCount(carry == 0 ? run : ~run);
            position += skip;
            if (skip == 64 || position > bits)
                continue;

            // Odd: take the next w bits (plus the carry; the sum is odd so it cannot reach 2^w) and pick
            // the odd digit congruent to them mod 2^w, in (−2^(w−1), 2^(w−1)).
            var window = (int)(k.GetBits(position, width) + carry);
            carry = (uint)(window >> (width - 1)) & 1;
            digits[position] = window - (int)(carry << width);
            length = position + 1;
            position += width;
        }
        return length;
    }
}
