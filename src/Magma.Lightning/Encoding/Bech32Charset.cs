namespace Magma.Lightning.Encoding;

internal static class Bech32Charset
{
    public const string Alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    private static readonly sbyte[] Values = BuildValues();

    public static int ValueOf(char c) => c < 128 ? Values[c] : -1;

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
            values[char.ToUpperInvariant(Alphabet[i])] = (sbyte)i;
        }
        return values;
    }
}
