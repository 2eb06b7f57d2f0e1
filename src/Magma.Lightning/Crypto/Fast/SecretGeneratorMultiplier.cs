using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// k·G for a SECRET scalar k (the signing nonce, a private key) in constant time and without heap
/// allocation; the one place under <c>Crypto/Fast</c> written for secrets.
/// </summary>
/// <remarks>
/// <para>
/// k·G = Σᵢ kᵢ·16^i·G over k's 64 four-bit digits kᵢ: 64 constant-time table selections
/// (<see cref="GeneratorWindowTable.Select"/>) and 64 complete additions (<see cref="ProjectivePoint.Add"/>),
/// then one constant-time inversion. The sequence of operations and of memory addresses is the same for
/// every k, which matters because anyone can ask for invoices and time them: nonce bits leaked through
/// timing, even just the nonce's length, let lattice attacks (e.g. Minerva) recover the private key.
/// </para>
/// <para>
/// The accumulator starts as the point at infinity in a random representation (0 : λ : 0). The addition
/// formula is homogeneous, so every intermediate point is then scaled by a random factor (λ² after the
/// first addition, and so on): the field values the multiplications see are unpredictable, a cheap guard
/// against power and cache-line data leaks on top of the constant timing. The affine result is the same.
/// </para>
/// </remarks>
internal static class SecretGeneratorMultiplier
{
    /// <summary>
    /// k·G, normalised, for k given as 32 big-endian bytes with 1 ≤ k &lt; n (a valid private key or
    /// RFC6979 nonce). Only the returned point is treated as public.
    /// </summary>
    public static AffinePoint Multiply(ReadOnlySpan<byte> scalar32)
    {
        Span<ulong> words = stackalloc ulong[4];
        RandomNumberGenerator.Fill(MemoryMarshal.AsBytes(words));
        // Below 2^255 < p and odd, so never 0 mod p: the starting point is a valid representation of infinity.
        var blinding = FieldElement.FromWords(words[0] | 1, words[1], words[2], words[3] >> 1);
        words.Clear();
        return Multiply(scalar32, blinding);
    }

    /// <summary>
    /// k·G with the accumulator starting at (0 : <paramref name="blinding"/> : 0); the blinding must be
    /// nonzero mod p with magnitude 1. Tests use it to show that the blinding does not change the result.
    /// </summary>
    public static AffinePoint Multiply(ReadOnlySpan<byte> scalar32, in FieldElement blinding)
    {
        if (scalar32.Length != 32)
            throw new ArgumentException("The scalar must be 32 bytes.", nameof(scalar32));
        var sum = new ProjectivePoint(FieldElement.Zero, blinding, FieldElement.Zero);
        for (var window = 0; window < GeneratorWindowTable.Windows; window++)
        {
            // Window i is bits 4i..4i+3: the low or high nibble of byte 31 − i/2 (big-endian).
            var digit = (uint)(scalar32[31 - window / 2] >> (4 * (window & 1))) & 0xF;
            sum = ProjectivePoint.Add(sum, GeneratorWindowTable.Select(window, digit));
        }
        var result = sum.ToAffine();
        // Public from here on. (0, 0) is what k ≡ 0 (mod n) gives: no point of the curve, so no valid input.
        if (result.X.IsZero && result.Y.IsZero)
            throw new ArgumentException("The scalar is 0 mod n.", nameof(scalar32));
        return result;
    }
}
