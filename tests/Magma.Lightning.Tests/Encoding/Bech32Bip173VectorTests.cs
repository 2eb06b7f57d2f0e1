using Magma.Lightning.Encoding;

namespace Magma.Lightning.Tests.Encoding;

// The generic bech32 test vectors of BIP-173.
public class Bech32Bip173VectorTests
{
    [Theory]
    [InlineData("A12UEL5L")]
    [InlineData("a12uel5l")]
    [InlineData("an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs")]
    [InlineData("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw")]
    [InlineData("11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j")]
    [InlineData("split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w")]
    [InlineData("?1ezyfcl")]
    public void AcceptsEachValidBech32String(string text)
    {
        Assert.True(Bech32.TryDecode(text, out var decoded, out var error), error.ToString());
        Assert.Equal(Bech32Variant.Bech32, decoded.Variant);
        Assert.Equal(text[..text.LastIndexOf('1')].ToLowerInvariant(), decoded.Hrp);
    }

    [Theory]
    [InlineData("A12UEL5L")]
    [InlineData("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw")]
    [InlineData("split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w")]
    [InlineData("?1ezyfcl")]
    public void ReEncodesEachValidBech32StringInLowercase(string text)
    {
        var decoded = Bech32.Decode(text);

        Assert.Equal(text.ToLowerInvariant(), Bech32.Encode(decoded.Hrp, decoded.Words, Bech32Variant.Bech32));
    }

    [Fact]
    public void DecodesTheAlphabetInOrder()
    {
        var decoded = Bech32.Decode("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw");

        Assert.Equal(Enumerable.Range(0, 32).Select(i => (byte)i), decoded.Words);
    }

    [Theory]
    [InlineData("\u00201nwldj5", Bech32Error.InvalidHrpCharacter)]
    [InlineData("\u007f1axkwrx", Bech32Error.InvalidHrpCharacter)]
    [InlineData("\u00801eym55h", Bech32Error.InvalidHrpCharacter)]
    [InlineData("an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx", Bech32Error.TooLong)]
    [InlineData("pzry9x0s0muk", Bech32Error.MissingSeparator)]
    [InlineData("1pzry9x0s0muk", Bech32Error.EmptyHrp)]
    [InlineData("x1b4n0q5v", Bech32Error.InvalidDataCharacter)]
    [InlineData("li1dgmt3", Bech32Error.TooShortChecksum)]
    [InlineData("de1lg7wt\u00ff", Bech32Error.InvalidDataCharacter)]
    [InlineData("A1G7SGD8", Bech32Error.InvalidChecksum)]
    [InlineData("10a06t8", Bech32Error.EmptyHrp)]
    [InlineData("1qzzfhee", Bech32Error.EmptyHrp)]
    public void RejectsEachInvalidBech32StringWithItsReason(string text, Bech32Error expected)
    {
        Assert.False(Bech32.TryDecode(text, out _, out var error));
        Assert.Equal(expected, error);
    }
}
