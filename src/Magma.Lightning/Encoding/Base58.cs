namespace Magma.Lightning.Encoding;

/// <summary>Bitcoin's base58 alphabet (no 0, O, I, l); leading zero bytes become leading '1's.</summary>
public static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static readonly sbyte[] Values = BuildValues();

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var zeros = 0;
        while (zeros < bytes.Length && bytes[zeros] == 0)
            zeros++;

        // log(256) / log(58) < 1.37, so this many base58 digits always suffice.
        var digits = new byte[(bytes.Length - zeros) * 137 / 100 + 1];
        var used = 0;
        for (var i = zeros; i < bytes.Length; i++)
        {
            var carry = (int)bytes[i];
            for (var j = 0; j < used; j++)
            {
                carry += digits[j] << 8;
                digits[j] = (byte)(carry % 58);
                carry /= 58;
            }
            while (carry > 0)
            {
                digits[used++] = (byte)(carry % 58);
                carry /= 58;
            }
        }

        var output = new char[zeros + used];
        output.AsSpan(0, zeros).Fill('1');
        for (var i = 0; i < used; i++)
            output[zeros + i] = Alphabet[digits[used - 1 - i]];
        return new string(output);
    }

    public static bool TryDecode(string? text, out byte[] bytes)
    {
        bytes = [];
        if (text is null)
            return false;
        var ones = 0;
        while (ones < text.Length && text[ones] == '1')
            ones++;

        // log(58) / log(256) < 0.733.
        var value = new byte[(text.Length - ones) * 733 / 1000 + 1];
        var used = 0;
        for (var i = ones; i < text.Length; i++)
        {
            var c = text[i];
            var carry = c < 128 ? Values[c] : -1;
            if (carry < 0)
                return false;
            for (var j = 0; j < used; j++)
            {
                carry += value[j] * 58;
                value[j] = (byte)carry;
                carry >>= 8;
            }
            while (carry > 0)
            {
                value[used++] = (byte)carry;
                carry >>= 8;
            }
        }

        bytes = new byte[ones + used];
        for (var i = 0; i < used; i++)
            bytes[ones + i] = value[used - 1 - i];
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
