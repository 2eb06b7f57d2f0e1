namespace Magma.Lightning.Encoding;

// Span-based so that the BOLT11 decoder can validate into stack memory; Bech32 wraps it with allocations.
internal static class Bech32Reader
{
    public const int MaxHrpLength = 83;

    // maxLength: BIP-173 says 90, BOLT11 lifts it. words must hold text.Length entries.
    public static Bech32Error Read(
        ReadOnlySpan<char> text, int maxLength, Span<byte> words,
        out int separator, out int wordCount, out Bech32Variant variant)
    {
        separator = -1;
        wordCount = 0;
        variant = default;
        if (text.IsEmpty)
            return Bech32Error.Empty;
        if (text.Length > maxLength)
            return Bech32Error.TooLong;

        var error = ScanCharacters(text, out separator);
        if (error != Bech32Error.None)
            return error;

        var checksum = Bech32Checksum.StartWithHrp(text[..separator]);
        var dataLength = text.Length - separator - 1;
        for (var i = 0; i < dataLength; i++)
        {
            var value = Bech32Charset.ValueOf(text[separator + 1 + i]);
            if (value < 0)
                return Bech32Error.InvalidDataCharacter;
            words[i] = (byte)value;
            checksum = Bech32Checksum.Step(checksum, value);
        }
        if (dataLength < Bech32Checksum.Length)
            return Bech32Error.TooShortChecksum;

        var matched = Bech32Checksum.Identify(checksum);
        if (matched is null)
            return Bech32Error.InvalidChecksum;
        variant = matched.Value;
        wordCount = dataLength - Bech32Checksum.Length;
        return Bech32Error.None;
    }

    private static Bech32Error ScanCharacters(ReadOnlySpan<char> text, out int separator)
    {
        separator = text.LastIndexOf('1');
        var hasLower = false;
        var hasUpper = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is < (char)33 or > (char)126)
                return separator < 0 || i < separator ? Bech32Error.InvalidHrpCharacter : Bech32Error.InvalidDataCharacter;
            hasLower |= c is >= 'a' and <= 'z';
            hasUpper |= c is >= 'A' and <= 'Z';
        }
        if (hasLower && hasUpper)
            return Bech32Error.MixedCase;
        if (separator < 0)
            return Bech32Error.MissingSeparator;
        if (separator == 0)
            return Bech32Error.EmptyHrp;
        if (separator > MaxHrpLength)
            return Bech32Error.HrpTooLong;
        return Bech32Error.None;
    }
}
