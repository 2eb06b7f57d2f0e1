using Magma.Lightning.Bitcoin;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Crypto;

namespace Magma.Lightning.Tests.Bolt11;

public class Bolt11EncoderTests
{
    private static readonly PrivateKey Key = RawInvoiceBuilder.Key;

    public static Bolt11InvoiceDraft Draft(BitcoinNetwork network) => new()
    {
        Network = network,
        Timestamp = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        PaymentHash = new string('a', 64),
        PaymentSecret = new string('b', 64),
        Description = "draft",
    };

    public static TheoryData<string> Networks() => new(BitcoinNetwork.All.Select(n => n.Name));

    [Theory]
    [MemberData(nameof(Networks))]
    public void RoundTripsAnInvoiceUsingEveryFieldOnEachNetwork(string networkName)
    {
        var network = BitcoinNetwork.FromName(networkName)!;
        var route = new[] { new RouteHintHop(PrivateKey.Generate().PublicKey, 42, 1000, 10, 144), new RouteHintHop(PrivateKey.Generate().PublicKey, 7, 0, 1, 40) };
        var draft = Draft(network) with
        {
            AmountMsat = 123_456_789,
            ExpirySeconds = 86_400,
            MinFinalCltvExpiry = 80,
            Fallbacks =
            [
                Fallback(network, 0, 20), Fallback(network, 0, 32), Fallback(network, 1, 32), Fallback(network, 16, 2),
                new FallbackAddress(17, new byte[20], LegacyAddress.P2pkh(network, new byte[20])),
                new FallbackAddress(18, new byte[20], LegacyAddress.P2sh(network, new byte[20])),
            ],
            RouteHints = [route, route[..1]],
            Features = new([8, 14, 17, 99]),
            Metadata = "cafe01",
            IncludePayee = true,
        };

        var invoice = Bolt11Decoder.Decode(Bolt11Encoder.Encode(draft, Key), network).Invoice!;

        Assert.Equal(network, invoice.Network);
        Assert.Equal(draft.AmountMsat, invoice.AmountMsat);
        Assert.Equal(draft.Timestamp, invoice.Timestamp);
        Assert.Equal(draft.PaymentHash, invoice.PaymentHash);
        Assert.Equal(draft.PaymentSecret, invoice.PaymentSecret);
        Assert.Equal(draft.Description, invoice.Description);
        Assert.Equal(86_400, invoice.ExpirySeconds);
        Assert.Equal(80, invoice.MinFinalCltvExpiry);
        Assert.Equal(draft.Fallbacks.Select(f => (f.Version, Convert.ToHexString(f.Data), f.Address)), invoice.Fallbacks.Select(f => (f.Version, Convert.ToHexString(f.Data), f.Address)));
        Assert.Equal(route, invoice.RouteHints[0]);
        Assert.Equal(route[..1], invoice.RouteHints[1]);
        Assert.Equal([8, 14, 17, 99], invoice.Features.SetBits);
        Assert.Equal("cafe01", invoice.Metadata);
        Assert.True(invoice.PayeeWasExplicit);
        Assert.Equal(Key.PublicKey, invoice.Payee);
    }

    [Fact]
    public void RoundTripsADescriptionHashWithoutAmount()
    {
        var draft = Draft(BitcoinNetwork.Mainnet) with { Description = null, DescriptionHash = new string('c', 64) };

        var invoice = Bolt11Decoder.Decode(Bolt11Encoder.Encode(draft, Key)).Invoice!;

        Assert.Null(invoice.AmountMsat);
        Assert.Null(invoice.Description);
        Assert.Equal(draft.DescriptionHash, invoice.DescriptionHash);
    }

    [Fact]
    public void OmitsExpiryAndFinalCltvWhenNotSet()
    {
        var encoded = Bolt11Encoder.Encode(Draft(BitcoinNetwork.Mainnet), Key);
        var withDefaults = Bolt11Encoder.Encode(Draft(BitcoinNetwork.Mainnet) with { ExpirySeconds = 3600, MinFinalCltvExpiry = 18 }, Key);

        Assert.True(withDefaults.Length > encoded.Length);
        var invoice = Bolt11Decoder.Decode(encoded).Invoice!;
        Assert.Equal(3600, invoice.ExpirySeconds);
        Assert.Equal(18, invoice.MinFinalCltvExpiry);
    }

    [Fact]
    public void WritesVarOnionAndPaymentSecretAsRequiredWhenNoFeaturesAreGiven()
    {
        Assert.Equal([8, 14], Decode(Draft(BitcoinNetwork.Mainnet)).Features.SetBits);
    }

    [Fact]
    public void OmitsTheFeatureFieldForAnEmptyFeatureSet()
    {
        var encoded = Bolt11Encoder.Encode(Draft(BitcoinNetwork.Mainnet) with { Features = Bolt11Features.Empty }, Key);

        Assert.Equal(0, Bolt11Decoder.Decode(encoded).Invoice!.Features.Length);
        Assert.True(encoded.Length < Bolt11Encoder.Encode(Draft(BitcoinNetwork.Mainnet), Key).Length);
    }

    [Fact]
    public void SignsDeterministicallyWithALowS()
    {
        var first = Bolt11Encoder.Encode(Draft(BitcoinNetwork.Mainnet), Key);

        Assert.Equal(first, Bolt11Encoder.Encode(Draft(BitcoinNetwork.Mainnet), Key));
        Assert.True(Bolt11Decoder.Decode(first).Invoice!.Signature.Compact[32] < 0x80);
    }

    [Fact]
    public void FitsADescriptionOfSixHundredAndThirtyNineBytes()
    {
        var description = new string('é', 319) + "x";

        Assert.Equal(description, Decode(Draft(BitcoinNetwork.Mainnet) with { Description = description }).Description);
    }

    [Fact]
    public void WritesTheLargestTimestampThirtyFiveBitsHold()
    {
        var timestamp = DateTimeOffset.FromUnixTimeSeconds((1L << 35) - 1);

        Assert.Equal(timestamp, Decode(Draft(BitcoinNetwork.Mainnet) with { Timestamp = timestamp }).Timestamp);
    }

    public static TheoryData<string, Bolt11InvoiceDraft> InvalidDrafts()
    {
        var valid = Draft(BitcoinNetwork.Mainnet);
        return new TheoryData<string, Bolt11InvoiceDraft>
        {
            { "no payment secret", valid with { PaymentSecret = null } },
            { "description and hash", valid with { DescriptionHash = new string('c', 64) } },
            { "neither description nor hash", valid with { Description = null } },
            { "short payment hash", valid with { PaymentHash = "abcd" } },
            { "payment hash not hex", valid with { PaymentHash = new string('g', 64) } },
            { "short description hash", valid with { Description = null, DescriptionHash = "00" } },
            { "zero amount", valid with { AmountMsat = 0 } },
            { "negative amount", valid with { AmountMsat = -1 } },
            { "timestamp before 1970", valid with { Timestamp = DateTimeOffset.FromUnixTimeSeconds(-1) } },
            { "timestamp beyond 35 bits", valid with { Timestamp = DateTimeOffset.FromUnixTimeSeconds(1L << 35) } },
            { "description over 639 bytes", valid with { Description = new string('x', 640) } },
            { "metadata not hex", valid with { Metadata = "xyz" } },
            { "negative expiry", valid with { ExpirySeconds = -1 } },
            { "negative final cltv", valid with { MinFinalCltvExpiry = -1 } },
            { "empty route", valid with { RouteHints = [[]] } },
            { "route of 13 hops", valid with { RouteHints = [Enumerable.Repeat(new RouteHintHop(Key.PublicKey, 1, 1, 1, 1), 13).ToArray()] } },
            { "fallback version 19", valid with { Fallbacks = [new FallbackAddress(19, new byte[20], null)] } },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidDrafts))]
    public void RefusesADraftThatIsNotAValidInvoice(string reason, Bolt11InvoiceDraft draft)
    {
        Assert.ThrowsAny<ArgumentException>(() => Bolt11Encoder.Encode(draft, Key));
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Theory]
    [InlineData("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", 0)]
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", 1)]
    [InlineData("1RustyRX2oai4EYYDpQGWvEL62BBGqN9T", 17)]
    [InlineData("3EktnHQD7RiAE6uzMj2ZifT9YgRrkSgzQX", 18)]
    public void BuildsFallbacksFromAddressStrings(string address, int version)
    {
        var fallback = FallbackAddresses.FromAddress(address, BitcoinNetwork.Mainnet);

        Assert.Equal(version, fallback.Version);
        Assert.Equal(address, fallback.Address);
    }

    [Fact]
    public void RefusesAFallbackAddressOfAnotherNetwork()
    {
        Assert.Throws<ArgumentException>(() => FallbackAddresses.FromAddress("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", BitcoinNetwork.Mainnet));
    }

    private static Bolt11Invoice Decode(Bolt11InvoiceDraft draft)
    {
        var result = Bolt11Decoder.Decode(Bolt11Encoder.Encode(draft, Key));
        Assert.True(result.Success, result.Error?.Message);
        return result.Invoice;
    }

    private static FallbackAddress Fallback(BitcoinNetwork network, int version, int length)
    {
        var program = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
        return new FallbackAddress(version, program, SegwitAddress.FromProgram(network, version, program).Encode());
    }
}
