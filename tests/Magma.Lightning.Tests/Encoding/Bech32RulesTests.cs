using Magma.Lightning.Encoding;

namespace Magma.Lightning.Tests.Encoding;

public class Bech32RulesTests
{
    [Fact]
    public void RejectsMixedCase()
    {
        Assert.False(Bech32.TryDecode("a12UEL5L", out _, out var error));
        Assert.Equal(Bech32Error.MixedCase, error);
    }

    [Fact]
    public void LiftsTheNinetyCharacterLimitWhenAskedTo()
    {
        var words = new byte[200];
        var text = Bech32.Encode("lnbc", words, Bech32Variant.Bech32);

        Assert.False(Bech32.TryDecode(text, out _, out var error));
        Assert.Equal(Bech32Error.TooLong, error);
        Assert.True(Bech32.TryDecode(text, int.MaxValue, out var decoded, out _));
        Assert.Equal(words, decoded.Words);
    }

    [Fact]
    public void RejectsAnHrpLongerThanEightyThreeCharacters()
    {
        var text = Bech32.Encode(new string('a', 83), [], Bech32Variant.Bech32).Insert(0, "a");

        Assert.False(Bech32.TryDecode(text, 200, out _, out var error));
        Assert.Equal(Bech32Error.HrpTooLong, error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ReportsAnEmptyInput(string? text)
    {
        Assert.False(Bech32.TryDecode(text, out _, out var error));
        Assert.Equal(Bech32Error.Empty, error);
    }

    [Fact]
    public void EncodesAnUppercaseHrpInLowercase()
    {
        Assert.Equal("a12uel5l", Bech32.Encode("A", [], Bech32Variant.Bech32));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("\u00e9")]
    public void RefusesToEncodeAnInvalidHrp(string hrp)
    {
        Assert.Throws<ArgumentException>(() => Bech32.Encode(hrp, [], Bech32Variant.Bech32));
    }

    [Fact]
    public void RefusesToEncodeAWordAboveThirtyOne()
    {
        Assert.Throws<ArgumentException>(() => Bech32.Encode("a", [32], Bech32Variant.Bech32));
    }

    [Fact]
    public void DecodeThrowsAFormatExceptionNamingTheReason()
    {
        var exception = Assert.Throws<FormatException>(() => Bech32.Decode("A1G7SGD8"));

        Assert.Contains(nameof(Bech32Error.InvalidChecksum), exception.Message);
    }

    [Fact]
    public void DetectsASingleSubstitutedCharacter()
    {
        var valid = "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw";
        for (var i = valid.IndexOf('1') + 1; i < valid.Length; i++)
        {
            var replacement = valid[i] == 'q' ? 'p' : 'q';
            var corrupted = valid[..i] + replacement + valid[(i + 1)..];
            Assert.False(Bech32.TryDecode(corrupted, out _, out _), corrupted);
        }
    }
}
