using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Magma.Lightning.Encoding;

namespace Magma.Api.Tests.Lnbits;

public sealed class LnbitsDecodeTests(LnbitsApi api) : IClassFixture<LnbitsApi>
{
    [Fact]
    public async Task AnInvoiceDecodesWithoutAKeyUnderLnbitsFieldNames()
    {
        var wallet = await api.NewWallet();
        var invoice = await api.CreateInvoice(wallet.InvoiceKey, 1_000, "Coffee payment");

        var response = await api.Anonymous().PostAsJsonAsync("/api/v1/payments/decode", new { data = invoice.GetProperty("payment_request").GetString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decoded = await response.Json<JsonElement>();
        Assert.Equal(invoice.GetProperty("payment_hash").GetString(), decoded.GetProperty("payment_hash").GetString());
        Assert.Equal(1_000_000, decoded.GetProperty("amount_msat").GetInt64());
        Assert.Equal("Coffee payment", decoded.GetProperty("description").GetString());
        Assert.False(decoded.TryGetProperty("description_hash", out _));
        Assert.Equal(3600, decoded.GetProperty("expiry").GetInt64());
        Assert.Equal("bcrt", decoded.GetProperty("currency").GetString());
        Assert.Matches("^0[23][0-9a-f]{64}$", decoded.GetProperty("payee").GetString());
        Assert.Matches("^[0-9a-f]{64}$", decoded.GetProperty("payment_secret").GetString());
        Assert.True(decoded.GetProperty("date").GetInt64() > 1_700_000_000);
        Assert.True(decoded.GetProperty("min_final_cltv_expiry").GetInt32() > 0);
        Assert.Equal("required", decoded.GetProperty("features").GetProperty("payment_secret").GetString());
        Assert.Equal(JsonValueKind.Array, decoded.GetProperty("route_hints").ValueKind);
    }

    [Fact]
    public async Task FilterFieldsKeepsOnlyTheNamedFields()
    {
        var wallet = await api.NewWallet();
        var invoice = await api.CreateInvoice(wallet.InvoiceKey, 10);

        var decoded = await (await api.Anonymous().PostAsJsonAsync("/api/v1/payments/decode",
            new { data = invoice.GetProperty("payment_request").GetString(), filter_fields = new[] { "payment_hash", "amount_msat" } })).Json<JsonElement>();

        Assert.Equal(["amount_msat", "payment_hash"], decoded.EnumerateObject().Select(p => p.Name).Order().ToArray());
    }

    [Fact]
    public async Task AnLnurlDecodesToItsUrl()
    {
        const string url = "https://example.com/lnurlp/shop";
        var lnurl = Bech32.Encode("lnurl", Bech32Words.FromBytes(Encoding.UTF8.GetBytes(url)), Bech32Variant.Bech32).ToUpperInvariant();

        var decoded = await (await api.Anonymous().PostAsJsonAsync("/api/v1/payments/decode", new { data = lnurl })).Json<JsonElement>();

        Assert.Equal(url, decoded.GetProperty("domain").GetString());
    }

    [Theory]
    [InlineData("""{"data": "lnbcrt1nonsense"}""")]
    [InlineData("""{"data": ""}""")]
    [InlineData("""{}""")]
    [InlineData("""not json""")]
    public async Task SomethingUndecodableIs400WithLnbitsMessage(string body)
    {
        var response = await api.Anonymous().PostAsync("/api/v1/payments/decode", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Json<JsonElement>();
        Assert.StartsWith("Failed to decode: ", error.GetProperty("message").GetString());
        Assert.Equal(error.GetProperty("message").GetString(), error.GetProperty("detail").GetString());
    }
}
