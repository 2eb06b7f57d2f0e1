using Magma.Lightning.Encoding;

namespace Magma.Lightning.Tests.Encoding;

public class Base58CheckTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("00", "1")]
    [InlineData("000000", "111")]
    [InlineData("48656c6c6f20576f726c64", "JxF12TrwUP45BMd")]
    [InlineData("0000287fb4cd", "11233QC4")]
    public void EncodesAndDecodesPlainBase58(string hex, string text)
    {
        Assert.Equal(text, Base58.Encode(Convert.FromHexString(hex)));
        Assert.True(Base58.TryDecode(text, out var bytes));
        Assert.Equal(hex, Convert.ToHexStringLower(bytes));
    }

    [Theory]
    [InlineData("00010966776006953d5567439e5e39f86a0d273bee", "16UwLL9Risc3QfPqBUvKofHmBQ7wMtjvM")]
    [InlineData("0004b61f7dc1ea0dc99424464cc4064dc564d91e89", "1RustyRX2oai4EYYDpQGWvEL62BBGqN9T")]
    [InlineData("6f3172b5654f6683c8fb146959d347ce303cae4ca7", "mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP")]
    [InlineData("058f55563b9a19f321c211e9b9f38cdf686ea07845", "3EktnHQD7RiAE6uzMj2ZifT9YgRrkSgzQX")]
    public void RoundTripsKnownAddressPayloads(string payloadHex, string address)
    {
        Assert.Equal(address, Base58Check.Encode(Convert.FromHexString(payloadHex)));
        Assert.True(Base58Check.TryDecode(address, out var payload));
        Assert.Equal(payloadHex, Convert.ToHexStringLower(payload));
    }

    [Theory]
    [InlineData("1RustyRX2oai4EYYDpQGWvEL62BBGqN9U")]
    [InlineData("1RustyRX2oai4EYYDpQGWvEL62BBGqN9")]
    [InlineData("")]
    [InlineData("11")]
    public void RejectsAWrongChecksumOrMissingChecksum(string text)
    {
        Assert.False(Base58Check.TryDecode(text, out _));
    }

    [Theory]
    [InlineData("0OIl")]
    [InlineData("abc+")]
    [InlineData("\u00e9")]
    [InlineData(null)]
    public void RejectsCharactersOutsideTheAlphabet(string? text)
    {
        Assert.False(Base58.TryDecode(text, out _));
    }
}
