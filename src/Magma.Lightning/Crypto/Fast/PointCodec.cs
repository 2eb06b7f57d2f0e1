namespace Magma.Lightning.Crypto.Fast;

/// <summary>SEC1 compressed encoding of public points: 0x02/0x03 (y parity) followed by 32-byte x.</summary>
internal static class PointCodec
{
    public const int CompressedLength = 33;

    /// <summary>
    /// Parses a compressed point, rejecting a wrong length or prefix, x ≥ p, and x with no point on the curve.
    /// </summary>
    public static bool TryDecompress(ReadOnlySpan<byte> compressed, out AffinePoint point)
    {
        point = default;
        if (compressed.Length != CompressedLength || (compressed[0] != 2 && compressed[0] != 3))
            return false;
        return FieldElement.TryFromBytes(compressed[1..], out var x)
            && AffinePoint.TryFromX(x, compressed[0] == 3, out point);
    }

    /// <summary>Writes the compressed form of a point with normalised coordinates.</summary>
    public static void Compress(in AffinePoint point, Span<byte> destination33)
    {
        destination33[0] = point.Y.IsOdd ? (byte)3 : (byte)2;
        point.X.WriteBytes(destination33[1..]);
    }
}
