using Magma.Lightning.Bitcoin;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Crypto;
using static Magma.Lightning.Tests.Bolt11.Bolt11SpecVectors;

namespace Magma.Lightning.Tests.Bolt11;

public class Bolt11SpecValidVectorTests
{
    private static readonly DateTimeOffset SpecTime = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    [Fact]
    public void DecodesTheDonationOfAnyAmount()
    {
        var invoice = DecodeOk(Donation);
        AssertSpecBasics(invoice, BitcoinNetwork.Mainnet, amountMsat: null);
        Assert.Equal("Please consider supporting this project", invoice.Description);
        Assert.Null(invoice.DescriptionHash);
        AssertDefaults(invoice);
        Assert.Equal([8, 14], invoice.Features.SetBits);
        Assert.Null(invoice.Metadata);
        Assert.Empty(invoice.Fallbacks);
        Assert.Equal("8d3ce9e28357337f62da0162d9454df827f83cfe499aeb1c1db349d4d81127425e434ca29929406c23bba1ae8ac6ca32880b38d4bf6ff874024cac34ba9625f1", Hex.Encode(invoice.Signature.Compact));
        Assert.Equal(1, invoice.Signature.RecoveryId);
        Assert.Equal(Donation, invoice.PaymentRequest);
    }

    [Fact]
    public void DecodesTheCupOfCoffeeWithOneMinuteExpiry()
    {
        var invoice = DecodeOk(Coffee);
        AssertSpecBasics(invoice, BitcoinNetwork.Mainnet, amountMsat: 250_000_000);
        Assert.Equal("1 cup coffee", invoice.Description);
        Assert.Equal(60, invoice.ExpirySeconds);
        Assert.Equal(SpecTime.AddSeconds(60), invoice.ExpiresAt);
        Assert.Equal(Bolt11Invoice.DefaultMinFinalCltvExpiry, invoice.MinFinalCltvExpiry);
        Assert.Equal("e59e3ffbd3945e4334879158d31e89b076dff54f3fa7979ae79df2db9dcaf5896cbfe1a478b8d2307e92c88139464cb7e6ef26e414c4abe33337961ddc5e8ab1", Hex.Encode(invoice.Signature.Compact));
        Assert.Equal(1, invoice.Signature.RecoveryId);
    }

    [Fact]
    public void DecodesTheUtf8DescriptionOfTheCupOfNonsense()
    {
        var invoice = DecodeOk(Nonsense);
        AssertSpecBasics(invoice, BitcoinNetwork.Mainnet, amountMsat: 250_000_000);
        Assert.Equal("ナンセンス 1杯", invoice.Description);
        Assert.Equal(60, invoice.ExpirySeconds);
        Assert.Equal("bae41ef385e0fc972977c7ea42b12cbd76577d2412919da8a8a22f9577b6507710c0e96dd78c821dea16453037f717f44aa7e3d196ebb18fbb97307dcb7336c3", Hex.Encode(invoice.Signature.Compact));
    }

    [Fact]
    public void DecodesTheHashedDescriptionOfTheListOfThings()
    {
        var invoice = DecodeOk(HashedList);
        AssertSpecBasics(invoice, BitcoinNetwork.Mainnet, amountMsat: 2_000_000_000);
        Assert.Null(invoice.Description);
        Assert.Equal(ListHash, invoice.DescriptionHash);
        AssertDefaults(invoice);
        Assert.Empty(invoice.Fallbacks);
        Assert.Equal("f67a5f696648fa4fb102e1a07b230e54722f8e024cee71e80b4847ac191da3fb2d2cdb28cc32344d7e9a9cf5c9b6a0ee0582ae46e9938b9c81e344a4dbb5289d", Hex.Encode(invoice.Signature.Compact));
    }

    [Fact]
    public void DecodesTheTestnetInvoiceWithAP2pkhFallback()
    {
        var invoice = DecodeOk(TestnetP2pkh);
        AssertSpecBasics(invoice, BitcoinNetwork.Testnet, amountMsat: 2_000_000_000);
        Assert.Equal(ListHash, invoice.DescriptionHash);
        var fallback = Assert.Single(invoice.Fallbacks);
        Assert.Equal(17, fallback.Version);
        Assert.Equal("3172b5654f6683c8fb146959d347ce303cae4ca7", Hex.Encode(fallback.Data));
        Assert.Equal("mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP", fallback.Address);
    }

    [Fact]
    public void DecodesTheMainnetInvoiceWithAFallbackAndATwoHopRouteHint()
    {
        var invoice = DecodeOk(MainnetP2pkhWithRoute);
        AssertSpecBasics(invoice, BitcoinNetwork.Mainnet, amountMsat: 2_000_000_000);
        Assert.Equal("1RustyRX2oai4EYYDpQGWvEL62BBGqN9T", Assert.Single(invoice.Fallbacks).Address);
        var route = Assert.Single(invoice.RouteHints);
        Assert.Equal(2, route.Count);
        Assert.Equal(new RouteHintHop(PublicKey.ParseHex("029e03a901b85534ff1e92c43c74431f7ce72046060fcf7a95c37e148f78c77255"), 0x0102030405060708, 1, 20, 3), route[0]);
        Assert.Equal(new RouteHintHop(PublicKey.ParseHex("039e03a901b85534ff1e92c43c74431f7ce72046060fcf7a95c37e148f78c77255"), 0x030405060708090a, 2, 30, 4), route[1]);
        Assert.Equal(0, invoice.Signature.RecoveryId);
    }

    [Theory]
    [InlineData(MainnetP2sh, 18, "8f55563b9a19f321c211e9b9f38cdf686ea07845", "3EktnHQD7RiAE6uzMj2ZifT9YgRrkSgzQX")]
    [InlineData(MainnetP2wpkh, 0, "751e76e8199196d454941c45d1b3a323f1433bd6", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")]
    [InlineData(MainnetP2wsh, 0, "1863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262", "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3")]
    [InlineData(MainnetP2tr, 1, "0adac43daa9c8a5a68e09ea10692b82226ee190e572db9b90e17a410484ab405", "bc1pptdvg0d2nj99568qn6ssdy4cygnwuxgw2ukmnwgwz7jpqjz2kszse2s3lm")]
    public void DecodesEachMainnetFallbackKind(string paymentRequest, int version, string dataHex, string address)
    {
        var invoice = DecodeOk(paymentRequest);
        AssertSpecBasics(invoice, BitcoinNetwork.Mainnet, amountMsat: 2_000_000_000);
        Assert.Equal(ListHash, invoice.DescriptionHash);
        Assert.Equal(new[] { 8, 14 }, invoice.Features.SetBits);
        var fallback = Assert.Single(invoice.Fallbacks);
        Assert.Equal(version, fallback.Version);
        Assert.Equal(dataHex, Hex.Encode(fallback.Data));
        Assert.Equal(address, fallback.Address);
    }

    [Fact]
    public void DecodesTheBlockstreamStoreInvoiceWithAPicoAmount()
    {
        var invoice = DecodeOk(PicoAmount);
        Assert.Equal(BitcoinNetwork.Mainnet, invoice.Network);
        Assert.Equal(967_878_534, invoice.AmountMsat);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1572468703), invoice.Timestamp);
        Assert.Equal("462264ede7e14047e9b249da94fefc47f41f7d02ee9b091815a5506bc8abf75f", invoice.PaymentHash);
        Assert.Equal(PaymentSecret, invoice.PaymentSecret);
        Assert.Equal("Blockstream Store: 88.85 USD for Blockstream Ledger Nano S x 1, \"Back In My Day\" Sticker x 2, \"I Got Lightning Working\" Sticker x 2 and 1 more items", invoice.Description);
        Assert.Equal(604800, invoice.ExpirySeconds);
        Assert.Equal(10, invoice.MinFinalCltvExpiry);
        var hop = Assert.Single(Assert.Single(invoice.RouteHints));
        Assert.Equal(PublicKey.ParseHex("03d06758583bb5154774a6eb221b1276c9e82d65bbaceca806d90e20c108f4b1c7"), hop.Pubkey);
        Assert.Equal((589390UL << 40) | (3312UL << 16) | 1UL, hop.ShortChannelId);
        Assert.Equal(1000u, hop.FeeBaseMsat);
        Assert.Equal(2500u, hop.FeeProportionalMillionths);
        Assert.Equal(40, hop.CltvExpiryDelta);
        Assert.Equal(PayeeHex, invoice.Payee.ToHex());
    }

    [Theory]
    [InlineData(CoffeeBeans)]
    [InlineData(CoffeeBeansUppercase)]
    [InlineData(CoffeeBeansWithIgnoredFields)]
    public void DecodesTheCoffeeBeansWithAnOptionalUnknownFeature(string paymentRequest)
    {
        var invoice = DecodeOk(paymentRequest);
        AssertSpecBasics(invoice, BitcoinNetwork.Mainnet, amountMsat: 2_500_000_000);
        Assert.Equal("coffee beans", invoice.Description);
        Assert.Null(invoice.DescriptionHash);
        AssertDefaults(invoice);
        Assert.Equal([8, 14, 99], invoice.Features.SetBits);
        Assert.Empty(invoice.Fallbacks);
        Assert.Empty(invoice.RouteHints);
        Assert.False(invoice.PayeeWasExplicit);
        Assert.Equal(paymentRequest.ToLowerInvariant(), invoice.PaymentRequest);
    }

    [Fact]
    public void DecodesThePaymentMetadata()
    {
        var invoice = DecodeOk(Bolt11SpecVectors.Metadata);
        AssertSpecBasics(invoice, BitcoinNetwork.Mainnet, amountMsat: 1_000_000_000);
        Assert.Equal("payment metadata inside", invoice.Description);
        Assert.Equal("01fafaf0", invoice.Metadata);
        Assert.Equal([8, 14, 48], invoice.Features.SetBits);
    }

    [Fact]
    public void AcceptsAHighSSignatureWhenRecoveringThePayee()
    {
        var invoice = DecodeOk(HighSRecovery);
        var lowS = DecodeOk(Donation);
        Assert.Equal(lowS.Description, invoice.Description);
        Assert.Equal(lowS.PaymentHash, invoice.PaymentHash);
        Assert.Equal(lowS.PaymentSecret, invoice.PaymentSecret);
        Assert.Equal(lowS.Features.SetBits, invoice.Features.SetBits);
        Assert.Equal("8d3ce9e28357337f62da0162d9454df827f83cfe499aeb1c1db349d4d8112742a1bcb35d66d6bf93dc445e51753935cc32a3a411efd8a7c7bd85b25815a01b50", Hex.Encode(invoice.Signature.Compact));
        Assert.Equal(1, invoice.Signature.RecoveryId);

        // The example negated s but kept recovery id 1, so recovery lands on another key (libsecp256k1
        // and npm bolt11 recover the same one); with the parity flipped it is the spec's key.
        Assert.Equal("02d0139ce7427d6dfffd26a326c18be754ef1e64672b42694ba5b23ef6e6e7803d", invoice.Payee.ToHex());
        var digest = Convert.FromHexString("6daf4d488be41ce7cbb487cab1ef2975e5efcea879b20d421f0ef86b07cbb987");
        Assert.True(Secp256k1.TryRecover(digest, invoice.Signature.Compact, 0, out var specKey));
        Assert.Equal(PayeeHex, specKey.ToHex());
    }

    private static Bolt11Invoice DecodeOk(string paymentRequest)
    {
        var result = Bolt11Decoder.Decode(paymentRequest);
        Assert.True(result.Success, result.Error?.Message);
        return result.Invoice;
    }

    private static void AssertSpecBasics(Bolt11Invoice invoice, BitcoinNetwork network, long? amountMsat)
    {
        Assert.Equal(network, invoice.Network);
        Assert.Equal(amountMsat, invoice.AmountMsat);
        Assert.Equal(SpecTime, invoice.Timestamp);
        Assert.Equal(PaymentHash, invoice.PaymentHash);
        Assert.Equal(PaymentSecret, invoice.PaymentSecret);
        Assert.Equal(PayeeHex, invoice.Payee.ToHex());
        Assert.False(invoice.PayeeWasExplicit);
    }

    private static void AssertDefaults(Bolt11Invoice invoice)
    {
        Assert.Equal(3600, invoice.ExpirySeconds);
        Assert.Equal(18, invoice.MinFinalCltvExpiry);
        Assert.Empty(invoice.RouteHints);
    }
}
