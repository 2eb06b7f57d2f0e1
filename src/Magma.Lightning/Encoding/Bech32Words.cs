namespace Magma.Lightning.Encoding;

/// <summary>Regrouping between 8-bit bytes and the 5-bit words bech32 carries, most significant bit first.</summary>
public static class Bech32Words
{
    public static int WordCountFor(int byteCount) => (byteCount * 8 + 4) / 5;

    /// <summary>Converts bytes to words, padding the last word with zero bits.</summary>
    public static byte[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        var words = new byte[WordCountFor(bytes.Length)];
        FromBytes(bytes, words);
        return words;
    }

    /// <summary>Writes <see cref="WordCountFor"/> words into <paramref name="words"/>.</summary>
    public static void FromBytes(ReadOnlySpan<byte> bytes, Span<byte> words)
    {
        var accumulator = 0;
        var bits = 0;
        var position = 0;
        foreach (var b in bytes)
        {
            accumulator = ((accumulator << 8) | b) & 0xfff;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                words[position++] = (byte)((accumulator >> bits) & 31);
            }
        }
        if (bits > 0)
            words[position] = (byte)((accumulator << (5 - bits)) & 31);
    }

    /// <summary>
    /// Converts words to bytes the way segwit addresses require: the leftover bits must be
    /// fewer than five and all zero. Returns false otherwise.
    /// </summary>
    public static bool TryToBytes(ReadOnlySpan<byte> words, out byte[] bytes)
    {
        bytes = [];
        var leftoverBits = words.Length * 5 % 8;
        if (leftoverBits > 4)
            return false;
        var result = new byte[words.Length * 5 / 8];
        var padding = ToBytesTruncating(words, result);
        if (padding != 0)
            return false;
        bytes = result;
        return true;
    }

    // Returns the value of the leftover bits, which BOLT11 fields simply drop.
    internal static int ToBytesTruncating(ReadOnlySpan<byte> words, Span<byte> bytes)
    {
        var wordIndex = 0;
        var byteIndex = 0;
        // Eight words are exactly five bytes: the hot path of invoice decoding and signing.
        while (words.Length - wordIndex >= 8)
        {
            var block = 0UL;
            for (var i = 0; i < 8; i++)
                block = (block << 5) | words[wordIndex + i];
            bytes[byteIndex] = (byte)(block >> 32);
            bytes[byteIndex + 1] = (byte)(block >> 24);
            bytes[byteIndex + 2] = (byte)(block >> 16);
            bytes[byteIndex + 3] = (byte)(block >> 8);
            bytes[byteIndex + 4] = (byte)block;
            wordIndex += 8;
            byteIndex += 5;
        }

        var accumulator = 0;
        var bits = 0;
        for (; wordIndex < words.Length; wordIndex++)
        {
            accumulator = ((accumulator << 5) | words[wordIndex]) & 0xfff;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes[byteIndex++] = (byte)(accumulator >> bits);
            }
        }
        return accumulator & ((1 << bits) - 1);
    }

    internal static void ToBytesPadded(ReadOnlySpan<byte> words, Span<byte> bytes)
    {
        var whole = words.Length * 5 / 8;
        var leftover = ToBytesTruncating(words, bytes);
        var leftoverBits = words.Length * 5 % 8;
        if (leftoverBits > 0)
            bytes[whole] = (byte)(leftover << (8 - leftoverBits));
    }
}
