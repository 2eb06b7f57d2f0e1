namespace Magma.Lightning.Encoding;

/// <summary>
/// Zooko's human-oriented base32 (z-base-32), as LND uses it for <c>signmessage</c>:
/// 5 bits per character, most significant first, no padding characters.
/// </summary>
public static class ZBase32
{
    private const string Alphabet = "ybndrfg8ejkmcpqxot1uwisza345h769";
    private static readonly sbyte[] Values = BuildValues();

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var output = new char[(bytes.Length * 8 + 4) / 5];
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
                output[position++] = Alphabet[(accumulator >> bits) & 31];
            }
        }
        if (bits > 0)
            output[position] = Alphabet[(accumulator << (5 - bits)) & 31];
        return new string(output);
    }

    /// <summary>
    /// Decodes lowercase z-base-32. The final character's spare bits are dropped, but a whole
    /// character that adds no byte (a non-canonical length) is rejected.
    /// </summary>
    public static bool TryDecode(string? text, out byte[] bytes)
    {
        bytes = [];
        if (text is null || text.Length * 5 % 8 >= 5)
            return false;
        var result = new byte[text.Length * 5 / 8];
        var accumulator = 0;
        var bits = 0;
        var position = 0;
        foreach (var c in text)
        {
            var value = c < 128 ? Values[c] : -1;
            if (value < 0)
                return false;
            accumulator = ((accumulator << 5) | value) & 0xfff;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                result[position++] = (byte)(accumulator >> bits);
            }
        }
        bytes = result;
        return true;
    }

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
            values[Alphabet[i]] = (sbyte)i;
        return values;
    }
}
