namespace Magma.Lightning.Encoding;

// The BCH checksum shared by bech32 and bech32m; only the final constant differs.
internal static class Bech32Checksum
{
    public const int Length = 6;
    private const uint Bech32Constant = 1;
    private const uint Bech32mConstant = 0x2bc830a3;

    private static readonly uint[] Generators = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

    // The XOR of the generators selected by each possible value of the top five bits, so that a
    // step is one lookup instead of five conditional XORs (invoices run to hundreds of characters).
    private static readonly uint[] GeneratorSums = BuildGeneratorSums();

    public static uint Step(uint checksum, int value) =>
        ((checksum & 0x1ffffff) << 5) ^ (uint)value ^ GeneratorSums[checksum >> 25];

    // BIP-173 feeds the human-readable part as the high bits of each character, a zero, then the low bits.
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

    public static Bech32Variant? Identify(uint polymod) => polymod switch
    {
        Bech32Constant => Bech32Variant.Bech32,
        Bech32mConstant => Bech32Variant.Bech32m,
        _ => null,
    };

    public static void Write(uint polymod, Bech32Variant variant, Span<byte> destination)
    {
        for (var i = 0; i < Length; i++)
            polymod = Step(polymod, 0);
        polymod ^= variant == Bech32Variant.Bech32 ? Bech32Constant : Bech32mConstant;
        for (var i = 0; i < Length; i++)
            destination[i] = (byte)((polymod >> (5 * (5 - i))) & 31);
    }

    private static uint[] BuildGeneratorSums()
    {
        var sums = new uint[32];
        for (var top = 0; top < 32; top++)
            for (var i = 0; i < Generators.Length; i++)
                if ((top & (1 << i)) != 0)
                    sums[top] ^= Generators[i];
        return sums;
    }

    public static char ToLowerAscii(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
}
