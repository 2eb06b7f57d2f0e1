using Magma.Lightning.Bitcoin;

namespace Magma.Lightning.Bolt11;

internal static class Bolt11HumanReadablePart
{
    // hrp must already be lowercase.
    public static Bolt11Error? Parse(ReadOnlySpan<char> hrp, out BitcoinNetwork network, out long? amountMsat)
    {
        network = null!;
        amountMsat = null;
        if (!hrp.StartsWith("ln", StringComparison.Ordinal))
            return new Bolt11Error(Bolt11ErrorCode.UnknownPrefix, "A payment request starts with 'ln'.");

        // The currency is the run of letters after "ln": an amount always starts with a digit, so
        // "lntbs" is signet and never "lntb" followed by an amount.
        var currencyEnd = 2;
        while (currencyEnd < hrp.Length && char.IsAsciiLetterLower(hrp[currencyEnd]))
            currencyEnd++;
        var prefix = hrp[..currencyEnd];
        var known = BitcoinNetwork.FromBolt11Prefix(prefix);
        if (known is null)
            return new Bolt11Error(Bolt11ErrorCode.UnknownPrefix, $"Unknown invoice prefix '{prefix}'.");
        network = known;

        if (currencyEnd == hrp.Length)
            return null;
        var error = Bolt11Amount.Parse(hrp[currencyEnd..], out var msat);
        amountMsat = msat;
        return error;
    }

    public static string Format(BitcoinNetwork network, long? amountMsat) =>
        amountMsat is null ? network.Bolt11Prefix : network.Bolt11Prefix + Bolt11Amount.Format(amountMsat.Value);
}
