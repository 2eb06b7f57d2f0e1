using System.Globalization;

namespace Magma.Lightning.Bolt11;

internal static class Bolt11Amount
{
    private const long MsatPerBitcoin = 100_000_000_000;
    private const long MsatPerMilli = 100_000_000;
    private const long MsatPerMicro = 100_000;
    private const long MsatPerNano = 100;

    public static Bolt11Error? Parse(ReadOnlySpan<char> text, out long msat)
    {
        msat = 0;
        var multiplier = char.IsAsciiLetter(text[^1]) ? text[^1] : '\0';
        var digits = multiplier == '\0' ? text : text[..^1];
        if (digits.IsEmpty)
            return Fail($"The multiplier '{multiplier}' has no amount before it.");
        if (digits[0] == '0')
            return Fail("The amount must be a positive number without leading zeros.");

        // 128 bits so that a pico amount of up to long.MaxValue millisatoshis (times ten) still fits.
        UInt128 value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
                return Fail($"The amount '{text}' contains '{c}', which is neither a digit nor a final multiplier.");
            if (value > (UInt128.MaxValue - 9) / 10)
                return Fail("The amount is too large.");
            value = value * 10 + (uint)(c - '0');
        }

        switch (multiplier)
        {
            case '\0': return Scale(value, MsatPerBitcoin, out msat);
            case 'm': return Scale(value, MsatPerMilli, out msat);
            case 'u': return Scale(value, MsatPerMicro, out msat);
            case 'n': return Scale(value, MsatPerNano, out msat);
            case 'p':
                // A pico-bitcoin is a tenth of a millisatoshi, which no HTLC can carry.
                if (value % 10 != 0)
                    return Fail($"The amount {value}p is not a whole number of millisatoshis (its last digit must be 0).");
                return Scale(value / 10, 1, out msat);
            default:
                return Fail($"'{multiplier}' is not an amount multiplier (m, u, n or p).");
        }
    }

    // Writers should use the shortest representation: the largest multiplier that divides exactly.
    public static string Format(long msat)
    {
        var culture = CultureInfo.InvariantCulture;
        if (msat % MsatPerBitcoin == 0)
            return (msat / MsatPerBitcoin).ToString(culture);
        if (msat % MsatPerMilli == 0)
            return (msat / MsatPerMilli).ToString(culture) + "m";
        if (msat % MsatPerMicro == 0)
            return (msat / MsatPerMicro).ToString(culture) + "u";
        if (msat % MsatPerNano == 0)
            return (msat / MsatPerNano).ToString(culture) + "n";
        return msat.ToString(culture) + "0p";
    }

    private static Bolt11Error? Scale(UInt128 value, long msatPerUnit, out long msat)
    {
        msat = 0;
        if (value > (UInt128)(long.MaxValue / msatPerUnit))
            return Fail("The amount is too large.");
        msat = (long)value * msatPerUnit;
        return null;
    }

    private static Bolt11Error Fail(string message) => new(Bolt11ErrorCode.InvalidAmount, message);
}
