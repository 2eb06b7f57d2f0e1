using Magma.Lightning.Bitcoin;
using Magma.Lightning.Bolt11;

namespace Magma.Lightning.Tests.Bolt11;

public class Bolt11PrefixTests
{
    [Theory]
    [InlineData("lnbc", "mainnet", null)]
    [InlineData("lntb", "testnet", null)]
    [InlineData("lntbs", "signet", null)]
    [InlineData("lnbcrt", "regtest", null)]
    [InlineData("lnsb", "simnet", null)]
    [InlineData("lnbc2500u", "mainnet", 250_000_000L)]
    [InlineData("lntb1m", "testnet", 100_000_000L)]
    [InlineData("lntbs1m", "signet", 100_000_000L)]
    [InlineData("lntbs10p", "signet", 1L)]
    [InlineData("lnbcrt5n", "regtest", 500L)]
    [InlineData("lnsb1", "simnet", 100_000_000_000L)]
    public void ReadsTheNetworkAndAmount(string hrp, string network, long? amountMsat)
    {
        Assert.Null(Bolt11HumanReadablePart.Parse(hrp, out var parsedNetwork, out var parsedAmount));
        Assert.Equal(BitcoinNetwork.FromName(network), parsedNetwork);
        Assert.Equal(amountMsat, parsedAmount);
    }

    [Theory]
    [InlineData("bc")]
    [InlineData("lnltc")]
    [InlineData("lntx")]
    [InlineData("lnbcrtx10m")]
    [InlineData("ln")]
    [InlineData("ln10m")]
    [InlineData("lnb")]
    public void RejectsAnUnknownPrefix(string hrp)
    {
        Assert.Equal(Bolt11ErrorCode.UnknownPrefix, Bolt11HumanReadablePart.Parse(hrp, out _, out _)?.Code);
    }

    [Fact]
    public void NeverReadsSignetAsTestnetFollowedByAnAmount()
    {
        var draft = Bolt11EncoderTests.Draft(BitcoinNetwork.Signet) with { AmountMsat = 10_000 };

        var invoice = Bolt11Decoder.Decode(Bolt11Encoder.Encode(draft, RawInvoiceBuilder.Key)).Invoice!;

        Assert.Equal(BitcoinNetwork.Signet, invoice.Network);
        Assert.Equal(10_000, invoice.AmountMsat);
    }

    [Theory]
    [InlineData("testnet", "signet")]
    [InlineData("signet", "testnet")]
    [InlineData("regtest", "mainnet")]
    [InlineData("mainnet", "regtest")]
    [InlineData("simnet", "regtest")]
    public void ReportsAnInvoiceForAnotherNetworkAsWrongNetwork(string invoiceNetwork, string expectedNetwork)
    {
        var paymentRequest = Bolt11Encoder.Encode(Bolt11EncoderTests.Draft(BitcoinNetwork.FromName(invoiceNetwork)!), RawInvoiceBuilder.Key);

        var result = Bolt11Decoder.Decode(paymentRequest, BitcoinNetwork.FromName(expectedNetwork));

        Assert.Equal(Bolt11ErrorCode.WrongNetwork, result.Error?.Code);
        Assert.Contains(invoiceNetwork, result.Error!.Message);
    }

    [Fact]
    public void AcceptsAnInvoiceForTheExpectedNetwork()
    {
        var paymentRequest = Bolt11Encoder.Encode(Bolt11EncoderTests.Draft(BitcoinNetwork.Regtest), RawInvoiceBuilder.Key);

        Assert.True(Bolt11Decoder.Decode(paymentRequest, BitcoinNetwork.Regtest).Success);
    }

    [Fact]
    public void RejectsAnInvoiceWhoseAmountHasAnInvalidMultiplier()
    {
        var result = Bolt11Decoder.Decode(RawInvoiceBuilder.Minimal().Sign("lnbc25x"));

        Assert.Equal(Bolt11ErrorCode.InvalidAmount, result.Error?.Code);
    }
}
