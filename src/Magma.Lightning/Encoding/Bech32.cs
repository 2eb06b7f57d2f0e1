namespace Magma.Lightning.Encoding;

/// <summary>BIP-173 bech32 and BIP-350 bech32m strings: a human-readable part, a '1', 5-bit data words and a 6-word checksum.</summary>
public static class Bech32
{
    /// <summary>The overall length limit BIP-173 sets for addresses. BOLT11 invoices are exempt.</summary>
    public const int MaxLength = 90;

    /// <summary>Encodes 5-bit <paramref name="words"/> under <paramref name="hrp"/>; the output is always lowercase.</summary>
    /// <exception cref="ArgumentException">The HRP is empty, too long, has characters outside 33..126, or a word exceeds 31.</exception>
    public static string Encode(string hrp, ReadOnlySpan<byte> words, Bech32Variant variant)
    {
        ArgumentNullException.ThrowIfNull(hrp);
        if (hrp.Length is 0 or > Bech32Reader.MaxHrpLength)
            throw new ArgumentException($"The human-readable part must have 1 to {Bech32Reader.MaxHrpLength} characters.", nameof(hrp));
        foreach (var c in hrp)
            if (c is < (char)33 or > (char)126)
                throw new ArgumentException("The human-readable part may only hold US-ASCII characters 33 to 126.", nameof(hrp));

        var lowerHrp = hrp.ToLowerInvariant();
        var checksum = Bech32Checksum.StartWithHrp(lowerHrp);
        var output = new char[lowerHrp.Length + 1 + words.Length + Bech32Checksum.Length];
        lowerHrp.CopyTo(output);
        output[lowerHrp.Length] = '1';
        var position = lowerHrp.Length + 1;
        foreach (var word in words)
        {
            if (word > 31)
                throw new ArgumentException("Every word must be a 5-bit value.", nameof(words));
            checksum = Bech32Checksum.Step(checksum, word);
            output[position++] = Bech32Charset.Alphabet[word];
        }

        Span<byte> checksumWords = stackalloc byte[Bech32Checksum.Length];
        Bech32Checksum.Write(checksum, variant, checksumWords);
        foreach (var word in checksumWords)
            output[position++] = Bech32Charset.Alphabet[word];
        return new string(output);
    }

    /// <summary>Decodes either variant, reporting which one matched; never throws.</summary>
    public static bool TryDecode(string? text, out Bech32Decoded decoded, out Bech32Error error) =>
        TryDecode(text, MaxLength, out decoded, out error);

    /// <summary>Decodes with a custom overall length limit (e.g. <see cref="int.MaxValue"/> for BOLT11).</summary>
    public static bool TryDecode(string? text, int maxLength, out Bech32Decoded decoded, out Bech32Error error)
    {
        decoded = null!;
        if (string.IsNullOrEmpty(text))
        {
            error = Bech32Error.Empty;
            return false;
        }
        Span<byte> words = text.Length <= 1024 ? stackalloc byte[text.Length] : new byte[text.Length];
        error = Bech32Reader.Read(text, maxLength, words, out var separator, out var wordCount, out var variant);
        if (error != Bech32Error.None)
            return false;
        decoded = new Bech32Decoded(text[..separator].ToLowerInvariant(), words[..wordCount].ToArray(), variant);
        return true;
    }

    /// <exception cref="FormatException">The string is not valid bech32 or bech32m; the message names the reason.</exception>
    public static Bech32Decoded Decode(string text, int maxLength = MaxLength) =>
        TryDecode(text, maxLength, out var decoded, out var error)
            ? decoded
            : throw new FormatException($"Not a valid bech32 string: {error}.");
}
