using System.Runtime.CompilerServices;

namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// j·16^i·G for each of the 64 four-bit windows i of a 256-bit scalar and every digit j = 0..15, in affine
/// coordinates (80 KB), for <see cref="SecretGeneratorMultiplier"/>. Building it is variable-time, which is
/// fine: it holds only public multiples of G. <see cref="Select"/>, which a secret digit drives, is
/// constant-time.
/// </summary>
internal static class GeneratorWindowTable
{
    public const int Windows = 64;

    public const int EntriesPerWindow = 16;

    /// <summary>
    /// Entry 16·i + j is j·16^i·G, normalised. The j = 0 entries hold (0, 1): with Z = 0 that is the point
    /// at infinity (0 : 1 : 0), so digit 0 needs no special case either.
    /// </summary>
    private static readonly AffinePoint[] Entries = Build();

    /// <summary>
    /// digit·16^window·G as a projective point (Z = 1, or the point at infinity for digit 0), reading all 16
    /// entries of the window and keeping the wanted one with masks: neither a branch nor a memory address
    /// depends on <paramref name="digit"/>, only on the public <paramref name="window"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ProjectivePoint Select(int window, uint digit)
    {
        var entries = Entries.AsSpan(window * EntriesPerWindow, EntriesPerWindow);
        FieldElement x = default, y = default;
        for (var j = 0; j < EntriesPerWindow; j++)
        {
            // (digit ^ j) − 1 wraps to 2^64 − 1 exactly when digit = j: its top bit, spread, is the mask.
            var mask = 0UL - ((((ulong)(digit ^ (uint)j)) - 1) >> 63);
            x = x.Or(entries[j].X.AndMask(mask));
            y = y.Or(entries[j].Y.AndMask(mask));
        }
        // Z = 1 for digits 1..15 and 0 for digit 0: (digit + 15) >> 4, digit below 16.
        return new ProjectivePoint(x, y, FieldElement.FromInt((digit + 15) >> 4));
    }

    private static AffinePoint[] Build()
    {
        var entries = new AffinePoint[Windows * EntriesPerWindow];
        var windowBase = JacobianPoint.FromAffine(AffinePoint.Generator);
        for (var i = 0; i < Windows; i++)
        {
            var baseAffine = windowBase.ToAffine();
            entries[i * EntriesPerWindow] = new AffinePoint(FieldElement.Zero, FieldElement.One);
            entries[i * EntriesPerWindow + 1] = baseAffine;
            var multiple = windowBase;
            for (var j = 2; j < EntriesPerWindow; j++)
            {
                // j·B for j ≤ 15 is never the point at infinity (the group order is a 256-bit prime).
                JacobianPoint.AddAffineKnownDistinct(ref multiple, baseAffine);
                entries[i * EntriesPerWindow + j] = multiple.ToAffine();
            }
            for (var doubling = 0; doubling < 4; doubling++)
                JacobianPoint.Double(ref windowBase);
        }
        return entries;
    }
}
