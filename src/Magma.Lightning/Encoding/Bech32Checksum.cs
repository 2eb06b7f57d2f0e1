namespace Magma.Lightning.Encoding;

/// <summary>The BCH checksum shared by bech32 and bech32m; only the final constant differs.</summary>
internal static class Bech32Checksum
{
    public const int Length = 6;
    private const uint Bech32Constant = 1;
    private const uint Bech32mConstant = 0x2bc830a3;

    public static uint Step(uint checksum, int value)
    {
        var top = checksum >> 25;
        checksum = ((checksum & 0x1ffffff) << 5) ^ (uint)value;
        if ((top & 1) != 0) checksum ^= 0x3b6a57b2;
        if ((top & 2) != 0) checksum ^= 0x26508e6d;
        if ((top & 4) != 0) checksum ^= 0x1ea119fa;
        if ((top & 8) != 0) checksum ^= 0x3d4233dd;
        if ((top & 16) != 0) checksum ^= 0x2a1462b3;
        return checksum;
    }

    /// <summary>Feeds the human-readable part: high bits of each character, a zero, then the low bits.</summary>
    public static uint StartWithHrp(ReadOnlySpan<char> hrp)
    {
        uint checksum = 1;
        foreach (var c in hrp)
            checksum = Step(checksum, ToLowerAscii(c) >> 5);
        checksum = Step(checksum, 0);
        foreach (var c in hrp)
            checksum = Step(checksum, ToLowerAscii(c) & 31);
        return checksum;
    }

    /// <summary>The variant whose constant matches a polymod taken over hrp, data and checksum, if any.</summary>
    public static Bech32Variant? Identify(uint polymod) => polymod switch
    {
        Bech32Constant => Bech32Variant.Bech32,
        Bech32mConstant => Bech32Variant.Bech32m,
        _ => null,
    };

    /// <summary>Writes the six checksum words for a polymod taken over hrp and data.</summary>
    public static void Write(uint polymod, Bech32Variant variant, Span<byte> destination)
    {
        for (var i = 0; i < Length; i++)
            polymod = Step(polymod, 0);
        polymod ^= variant == Bech32Variant.Bech32 ? Bech32Constant : Bech32mConstant;
        for (var i = 0; i < Length; i++)
            destination[i] = (byte)((polymod >> (5 * (5 - i))) & 31);
    }

    public static char ToLowerAscii(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
}
