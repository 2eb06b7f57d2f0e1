using Magma.Lightning.Bitcoin;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Crypto;
using Magma.Lightning.Encoding;

namespace Magma.Lightning.Tests.Bolt11;

public class Bolt11FeatureRouteFallbackTests
{
    private static readonly byte[] KeyHash = Convert.FromHexString("751e76e8199196d454941c45d1b3a323f1433bd6");

    [Theory]
    [InlineData(8)]
    [InlineData(14)]
    [InlineData(16)]
    [InlineData(24)]
    [InlineData(48)]
    public void AcceptsEachKnownRequiredFeature(int bit)
    {
        Assert.True(Decode(RawInvoiceBuilder.Minimal().Words('9', FeatureWords(bit)).Sign()).Success);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(101)]
    [InlineData(257)]
    public void IgnoresUnknownOptionalFeatures(int bit)
    {
        var result = Decode(RawInvoiceBuilder.Minimal().Words('9', FeatureWords(bit, 14)).Sign());

        Assert.True(result.Success, result.Error?.Message);
        Assert.True(result.Invoice.Features.IsSet(bit));
        Assert.True(result.Invoice.Features.Supports(14));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(100)]
    [InlineData(256)]
    public void RejectsUnknownRequiredFeaturesAndNamesThem(int bit)
    {
        var result = Decode(RawInvoiceBuilder.Minimal().Words('9', FeatureWords(bit, 15)).Sign());

        Assert.Equal(Bolt11ErrorCode.UnknownRequiredFeature, result.Error?.Code);
        Assert.Contains(bit.ToString(), result.Error!.Message);
    }

    [Fact]
    public void ReadsAnAllZeroFeatureFieldAsNoFeatures()
    {
        var invoice = Decode(RawInvoiceBuilder.Minimal().Words('9', 0, 0, 0).Sign()).Invoice!;

        Assert.Equal(0, invoice.Features.Length);
    }

    [Fact]
    public void ReadsSeveralRoutesInOrder()
    {
        var hopA = new RouteHintHop(PrivateKey.Generate().PublicKey, 1, 2, 3, 4);
        var hopB = new RouteHintHop(PrivateKey.Generate().PublicKey, ulong.MaxValue, uint.MaxValue, uint.MaxValue, ushort.MaxValue);
        var paymentRequest = RawInvoiceBuilder.Minimal()
            .Bytes('r', RouteHintCodec.ToBytes([hopA, hopB]))
            .Bytes('r', RouteHintCodec.ToBytes([hopB]))
            .Sign();

        var routes = Decode(paymentRequest).Invoice!.RouteHints;

        Assert.Equal(2, routes.Count);
        Assert.Equal([hopA, hopB], routes[0]);
        Assert.Equal([hopB], routes[1]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(52)]
    [InlineData(101)]
    public void RejectsARouteHintThatIsNotWholeHops(int byteCount)
    {
        var result = Decode(RawInvoiceBuilder.Minimal().Bytes('r', new byte[byteCount]).Sign());

        Assert.Equal(Bolt11ErrorCode.InvalidField, result.Error?.Code);
    }

    [Fact]
    public void RejectsARouteHintWhosePubkeyIsNotACurvePoint()
    {
        var hop = new byte[RouteHintCodec.HopLength];
        hop[0] = 0x05;

        Assert.Equal(Bolt11ErrorCode.InvalidField, Decode(RawInvoiceBuilder.Minimal().Bytes('r', hop).Sign()).Error?.Code);
    }

    [Theory]
    [InlineData("lnbcrt", "regtest", "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080", "mrCDrCybB6J1vRfbwM5hemdJz73FwDBC8r")]
    [InlineData("lntbs", "signet", "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", "mrCDrCybB6J1vRfbwM5hemdJz73FwDBC8r")]
    [InlineData("lnsb", "simnet", "sb1qw508d6qejxtdg4y5r3zarvary0c5xw7krxe8se", "SXyGazfm6S3xfcySmD6QNkZYmtfysC2jvc")]
    public void RendersFallbacksForTheInvoicesNetwork(string hrp, string networkName, string segwit, string p2pkh)
    {
        var paymentRequest = RawInvoiceBuilder.Minimal().Words('f', [0, .. Bech32Words.FromBytes(KeyHash)]).Words('f', [17, .. Bech32Words.FromBytes(KeyHash)]).Sign(hrp);

        var invoice = Decode(paymentRequest).Invoice!;

        Assert.Equal(BitcoinNetwork.FromName(networkName), invoice.Network);
        Assert.Equal([segwit, p2pkh], invoice.Fallbacks.Select(f => f.Address));
    }

    [Theory]
    [InlineData(19)]
    [InlineData(31)]
    public void SkipsAFallbackOfUnknownVersion(byte version)
    {
        var invoice = Decode(RawInvoiceBuilder.Minimal().Words('f', version, 1, 2, 3).Words('f').Sign()).Invoice!;

        Assert.Empty(invoice.Fallbacks);
    }

    [Theory]
    [InlineData(0, 25)]
    [InlineData(1, 41)]
    [InlineData(17, 21)]
    [InlineData(18, 19)]
    public void KeepsAMalformedFallbackOfAKnownVersionWithoutAnAddress(byte version, int length)
    {
        var fallback = Assert.Single(Decode(RawInvoiceBuilder.Minimal()
            .Words('f', [version, .. Bech32Words.FromBytes(new byte[length])]).Sign()).Invoice!.Fallbacks);

        Assert.Equal(version, fallback.Version);
        Assert.Equal(length, fallback.Data.Length);
        Assert.Null(fallback.Address);
    }

    private static Bolt11DecodeResult Decode(string paymentRequest) => Bolt11Decoder.Decode(paymentRequest);

    private static byte[] FeatureWords(params int[] bits)
    {
        var features = new Bolt11Features(bits);
        var words = new byte[features.WordCount];
        features.WriteWords(words);
        return words;
    }
}
