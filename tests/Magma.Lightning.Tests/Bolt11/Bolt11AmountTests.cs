using Magma.Lightning.Bolt11;

namespace Magma.Lightning.Tests.Bolt11;

public class Bolt11AmountTests
{
    [Theory]
    [InlineData("1", 100_000_000_000)]
    [InlineData("20m", 2_000_000_000)]
    [InlineData("2500u", 250_000_000)]
    [InlineData("1n", 100)]
    [InlineData("10p", 1)]
    [InlineData("9678785340p", 967_878_534)]
    [InlineData("92233720", 9_223_372_000_000_000_000)]
    [InlineData("21000000", 2_100_000_000_000_000_000)]
    public void MultipliesTheAmountByItsMultiplier(string text, long expectedMsat)
    {
        Assert.Null(Bolt11Amount.Parse(text, out var msat));
        Assert.Equal(expectedMsat, msat);
    }

    [Theory]
    [InlineData("1p")]
    [InlineData("2500000001p")]
    [InlineData("15p")]
    public void RejectsPicoAmountNotEndingInZero(string text)
    {
        var error = Bolt11Amount.Parse(text, out _);

        Assert.Equal(Bolt11ErrorCode.InvalidAmount, error?.Code);
        Assert.Contains("millisatoshi", error!.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0m")]
    [InlineData("01m")]
    [InlineData("00")]
    public void RejectsZeroAndLeadingZeros(string text)
    {
        Assert.Equal(Bolt11ErrorCode.InvalidAmount, Bolt11Amount.Parse(text, out _)?.Code);
    }

    [Theory]
    [InlineData("m")]
    [InlineData("p")]
    [InlineData("25x")]
    [InlineData("25mm")]
    [InlineData("2m5")]
    [InlineData("25M")]
    [InlineData("2.5m")]
    [InlineData("25-")]
    public void RejectsAnythingButDigitsFollowedByOneMultiplier(string text)
    {
        Assert.Equal(Bolt11ErrorCode.InvalidAmount, Bolt11Amount.Parse(text, out _)?.Code);
    }

    [Theory]
    [InlineData("92233721")]
    [InlineData("92233720369m")]
    [InlineData("99999999999999999999999999999999999990p")]
    [InlineData("9999999999999999999999999999999999999999999999999999999990p")]
    [InlineData("184467440737095516150p")]
    public void RejectsAmountsThatOverflowSixtyThreeBitsOfMillisatoshis(string text)
    {
        var error = Bolt11Amount.Parse(text, out _);

        Assert.Equal(Bolt11ErrorCode.InvalidAmount, error?.Code);
        Assert.Contains("too large", error!.Message);
    }

    [Theory]
    [InlineData(1, "10p")]
    [InlineData(99, "990p")]
    [InlineData(100, "1n")]
    [InlineData(101, "1010p")]
    [InlineData(1_000, "10n")]
    [InlineData(100_000, "1u")]
    [InlineData(250_000_000, "2500u")]
    [InlineData(100_000_000, "1m")]
    [InlineData(110_000_000_000, "1100m")]
    [InlineData(100_000_000_000, "1")]
    [InlineData(967_878_534, "9678785340p")]
    [InlineData(long.MaxValue, "92233720368547758070p")]
    public void WritesTheShortestRepresentation(long msat, string expected)
    {
        Assert.Equal(expected, Bolt11Amount.Format(msat));
    }

    [Fact]
    public void ParsesEveryFormattedAmountBackToTheSameValue()
    {
        var random = new Random(11);
        for (var i = 0; i < 2000; i++)
        {
            var msat = random.NextInt64(1, long.MaxValue / (1L << random.Next(0, 60)));
            Assert.Null(Bolt11Amount.Parse(Bolt11Amount.Format(msat), out var back));
            Assert.Equal(msat, back);
        }
    }
}
