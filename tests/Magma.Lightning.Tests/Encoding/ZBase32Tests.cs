using Magma.Lightning.Encoding;

namespace Magma.Lightning.Tests.Encoding;

public class ZBase32Tests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("00", "yy")]
    [InlineData("ff", "9h")]
    [InlineData("f0bfc7", "6n9hq")]
    [InlineData("d47a04", "4t7ye")]
    public void EncodesKnownVectors(string hex, string text)
    {
        Assert.Equal(text, ZBase32.Encode(Convert.FromHexString(hex)));
        Assert.True(ZBase32.TryDecode(text, out var bytes));
        Assert.Equal(hex, Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void RoundTripsRandomBytesOfManyLengths()
    {
        var random = new Random(32);
        for (var length = 0; length <= 70; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);

            Assert.True(ZBase32.TryDecode(ZBase32.Encode(bytes), out var back));
            Assert.Equal(bytes, back);
        }
    }

    [Fact]
    public void EncodesSixtyFiveBytesInExactlyOneHundredAndFourCharacters()
    {
        Assert.Equal(104, ZBase32.Encode(new byte[65]).Length);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("l")]
    [InlineData("v")]
    [InlineData("2")]
    [InlineData("YY")]
    [InlineData(null)]
    public void RejectsCharactersOutsideTheAlphabet(string? text)
    {
        Assert.False(ZBase32.TryDecode(text, out _));
    }

    [Theory]
    [InlineData("y")]
    [InlineData("yyy")]
    [InlineData("yyyyyy")]
    public void RejectsALengthNoByteCountEncodesTo(string text)
    {
        Assert.False(ZBase32.TryDecode(text, out _));
    }
}
