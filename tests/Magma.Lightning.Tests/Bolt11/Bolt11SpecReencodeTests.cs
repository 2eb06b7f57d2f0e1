using Magma.Lightning.Bitcoin;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Crypto;
using static Magma.Lightning.Tests.Bolt11.Bolt11SpecVectors;

namespace Magma.Lightning.Tests.Bolt11;

// The spec's signatures are deterministic (RFC6979), so writing the same fields in the same order
// with the spec's key must reproduce each example character for character.
public class Bolt11SpecReencodeTests
{
    private static readonly PrivateKey SpecKey = PrivateKey.ParseHex(PrivateKeyHex);
    private static readonly Bolt11Features SecretFeatures = new([8, 14]);

    private static readonly Bolt11InvoiceDraft Base = new()
    {
        Network = BitcoinNetwork.Mainnet,
        Timestamp = DateTimeOffset.FromUnixTimeSeconds(Timestamp),
        PaymentHash = Bolt11SpecVectors.PaymentHash,
        PaymentSecret = Bolt11SpecVectors.PaymentSecret,
        Features = SecretFeatures,
    };

    private static readonly Bolt11InvoiceDraft ListDraft = Base with { AmountMsat = 2_000_000_000, DescriptionHash = ListHash };

    public static TheoryData<string, string, Bolt11InvoiceDraft, string> Examples() => new()
    {
        { "donation", Donation, Base with { Description = "Please consider supporting this project" }, "spd9" },
        { "coffee", Coffee, Base with { AmountMsat = 250_000_000, Description = "1 cup coffee", ExpirySeconds = 60 }, "spdx9" },
        { "nonsense", Nonsense, Base with { AmountMsat = 250_000_000, Description = "ナンセンス 1杯", ExpirySeconds = 60 }, "spdx9" },
        { "hashed list", HashedList, ListDraft, "sph9" },
        { "testnet P2PKH", TestnetP2pkh, ListDraft with { Network = BitcoinNetwork.Testnet, Fallbacks = [Fallback("mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP", BitcoinNetwork.Testnet)] }, "shpf9" },
        { "P2PKH and route", MainnetP2pkhWithRoute, ListDraft with { Fallbacks = [Fallback("1RustyRX2oai4EYYDpQGWvEL62BBGqN9T")], RouteHints = [RustyRoute] }, "sphfr9" },
        { "P2SH", MainnetP2sh, ListDraft with { Fallbacks = [Fallback("3EktnHQD7RiAE6uzMj2ZifT9YgRrkSgzQX")] }, "shpf9" },
        { "P2WPKH", MainnetP2wpkh, ListDraft with { Fallbacks = [Fallback("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")] }, "shpf9" },
        { "P2WSH", MainnetP2wsh, ListDraft with { Fallbacks = [Fallback("bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3")] }, "shpf9" },
        { "P2TR", MainnetP2tr, ListDraft with { Fallbacks = [Fallback("bc1pptdvg0d2nj99568qn6ssdy4cygnwuxgw2ukmnwgwz7jpqjz2kszse2s3lm")] }, "sphf9" },
        { "pico amount", PicoAmount, PicoDraft, "pdsxcr9" },
        { "coffee beans", CoffeeBeans, Base with { AmountMsat = 2_500_000_000, Description = "coffee beans", Features = new([8, 14, 99]) }, "pds9" },
        { "metadata", Bolt11SpecVectors.Metadata, Base with { AmountMsat = 1_000_000_000, Description = "payment metadata inside", Metadata = "01fafaf0", Features = new([8, 14, 48]) }, "pdms9" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void ReproducesTheSpecExampleExactly(string name, string expected, Bolt11InvoiceDraft draft, string fieldOrder)
    {
        var encoded = Bolt11Encoder.Encode(draft, SpecKey, fieldOrder);

        Assert.True(expected == encoded, $"{name}:\n expected {expected}\n got      {encoded}");
    }

    [Fact]
    public void ReproducesTheUppercaseExampleByUppercasingTheEncoding()
    {
        var draft = Base with { AmountMsat = 2_500_000_000, Description = "coffee beans", Features = new([8, 14, 99]) };

        var encoded = Bolt11Encoder.Encode(draft, SpecKey, "pds9");

        Assert.Equal(CoffeeBeansUppercase, encoded.ToUpperInvariant());
    }

    [Fact]
    public void ThePublicEncoderOrderReproducesTheExamplesWrittenInThatOrder()
    {
        var draft = Base with { AmountMsat = 250_000_000, Description = "1 cup coffee", ExpirySeconds = 60 };

        Assert.Equal(Coffee, Bolt11Encoder.Encode(draft, SpecKey));
        Assert.Equal(Donation, Bolt11Encoder.Encode(Base with { Description = "Please consider supporting this project" }, SpecKey));
    }

    [Fact]
    public void TheSpecKeyIsThePayeeOfEveryExample()
    {
        Assert.Equal(PayeeHex, SpecKey.PublicKey.ToHex());
    }

    private static readonly Bolt11InvoiceDraft PicoDraft = Base with
    {
        AmountMsat = 967_878_534,
        Timestamp = DateTimeOffset.FromUnixTimeSeconds(1572468703),
        PaymentHash = "462264ede7e14047e9b249da94fefc47f41f7d02ee9b091815a5506bc8abf75f",
        Description = "Blockstream Store: 88.85 USD for Blockstream Ledger Nano S x 1, \"Back In My Day\" Sticker x 2, \"I Got Lightning Working\" Sticker x 2 and 1 more items",
        ExpirySeconds = 604800,
        MinFinalCltvExpiry = 10,
        RouteHints = [[new RouteHintHop(PublicKey.ParseHex("03d06758583bb5154774a6eb221b1276c9e82d65bbaceca806d90e20c108f4b1c7"), (589390UL << 40) | (3312UL << 16) | 1UL, 1000, 2500, 40)]],
    };

    private static readonly IReadOnlyList<RouteHintHop> RustyRoute =
    [
        new(PublicKey.ParseHex("029e03a901b85534ff1e92c43c74431f7ce72046060fcf7a95c37e148f78c77255"), 0x0102030405060708, 1, 20, 3),
        new(PublicKey.ParseHex("039e03a901b85534ff1e92c43c74431f7ce72046060fcf7a95c37e148f78c77255"), 0x030405060708090a, 2, 30, 4),
    ];

    private static FallbackAddress Fallback(string address, BitcoinNetwork? network = null) =>
        FallbackAddresses.FromAddress(address, network ?? BitcoinNetwork.Mainnet);
}
