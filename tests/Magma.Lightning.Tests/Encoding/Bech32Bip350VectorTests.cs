using Magma.Lightning.Encoding;

namespace Magma.Lightning.Tests.Encoding;

// The generic bech32m test vectors of BIP-350.
public class Bech32Bip350VectorTests
{
    [Theory]
    [InlineData("A1LQFN3A")]
    [InlineData("a1lqfn3a")]
    [InlineData("an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6")]
    [InlineData("abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx")]
    [InlineData("11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8")]
    [InlineData("split1checkupstagehandshakeupstreamerranterredcaperredlc445v")]
    [InlineData("?1v759aa")]
    public void AcceptsEachValidBech32mStringAsBech32mOnly(string text)
    {
        Assert.True(Bech32.TryDecode(text, out var decoded, out var error), error.ToString());

        // No string is valid under both constants, so these double as invalid bech32 vectors.
        Assert.Equal(Bech32Variant.Bech32m, decoded.Variant);
        Assert.Equal(text.ToLowerInvariant(), Bech32.Encode(decoded.Hrp, decoded.Words, Bech32Variant.Bech32m));
    }

    [Fact]
    public void DecodesTheReversedAlphabetUnderBech32m()
    {
        var decoded = Bech32.Decode("abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx");

        Assert.Equal(Enumerable.Range(0, 32).Reverse().Select(i => (byte)i), decoded.Words);
    }

    [Theory]
    [InlineData("\u00201xj0phk", Bech32Error.InvalidHrpCharacter)]
    [InlineData("\u007f1g6xzxy", Bech32Error.InvalidHrpCharacter)]
    [InlineData("\u00801vctc34", Bech32Error.InvalidHrpCharacter)]
    [InlineData("an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4", Bech32Error.TooLong)]
    [InlineData("qyrz8wqd2c9m", Bech32Error.MissingSeparator)]
    [InlineData("1qyrz8wqd2c9m", Bech32Error.EmptyHrp)]
    [InlineData("y1b0jsk6g", Bech32Error.InvalidDataCharacter)]
    [InlineData("lt1igcx5c0", Bech32Error.InvalidDataCharacter)]
    [InlineData("in1muywd", Bech32Error.TooShortChecksum)]
    [InlineData("mm1crxm3i", Bech32Error.InvalidDataCharacter)]
    [InlineData("au1s5cgom", Bech32Error.InvalidDataCharacter)]
    [InlineData("M1VUXWEZ", Bech32Error.InvalidChecksum)]
    [InlineData("16plkw9", Bech32Error.EmptyHrp)]
    [InlineData("1p2gdwpf", Bech32Error.EmptyHrp)]
    public void RejectsEachInvalidBech32mStringWithItsReason(string text, Bech32Error expected)
    {
        Assert.False(Bech32.TryDecode(text, out _, out var error));
        Assert.Equal(expected, error);
    }
}
