namespace Magma.Lightning.Crypto;

public static class Hex
{
    /// <summary>Decodes hex of either case; returns false instead of throwing on bad input.</summary>
    public static bool TryDecode(string? hex, out byte[] bytes)
    {
        bytes = [];
        if (hex is null || hex.Length % 2 != 0)
            return false;
        foreach (var c in hex)
            if (!char.IsAsciiHexDigit(c))
                return false;
        bytes = Convert.FromHexString(hex);
        return true;
    }

    public static bool IsHex(string? value, int byteLength) =>
        value is not null && value.Length == byteLength * 2 && value.All(char.IsAsciiHexDigit);

    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
