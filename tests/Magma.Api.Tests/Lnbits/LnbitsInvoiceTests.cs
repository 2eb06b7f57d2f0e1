using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Magma.Lightning.Bolt11;

namespace Magma.Api.Tests.Lnbits;

public sealed class LnbitsInvoiceTests(LnbitsApi api) : IClassFixture<LnbitsApi>
{
    [Fact]
    public async Task AnInvoiceKeyCreatesAnInvoiceFromTheSeedsBodyWith201()
    {
        var wallet = await api.NewWallet();
        var body = """{"out": false, "amount": 1000, "memo": "Coffee payment", "webhook": "http://127.0.0.1:9/hook", "expiry": 3600, "extra": {"order_id": "123"}}""";

        var response = await api.WithKey(wallet.InvoiceKey).PostAsync("/api/v1/payments", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var invoice = await response.Json<JsonElement>();
        var hash = invoice.GetProperty("payment_hash").GetString()!;
        var bolt11 = invoice.GetProperty("payment_request").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, invoice.GetProperty("checking_id").GetString());
        Assert.Equal(bolt11, invoice.GetProperty("bolt11").GetString());
        var decoded = Bolt11Decoder.Decode(bolt11).Invoice!;
        Assert.Equal(hash, decoded.PaymentHash);
        Assert.Equal(1_000_000, decoded.AmountMsat);
        Assert.Equal("Coffee payment", decoded.Description);
        Assert.Equal(3600, decoded.ExpirySeconds);
        Assert.Equal(1000, invoice.GetProperty("amount").GetInt64());
        Assert.Equal("pending", invoice.GetProperty("status").GetString());
        Assert.Equal("123", invoice.GetProperty("extra").GetProperty("order_id").GetString());
        Assert.Equal("http://127.0.0.1:9/hook", invoice.GetProperty("webhook").GetString());
        Assert.Equal(wallet.Id, invoice.GetProperty("wallet_id").GetString());
        Assert.Equal(JsonValueKind.Null, invoice.GetProperty("preimage").ValueKind);
    }

    [Fact]
    public async Task TheAdminKeyMayCreateInvoicesTooAndExpiryDefaultsToAnHour()
    {
        var wallet = await api.NewWallet();

        var invoice = await api.CreateInvoice(wallet.AdminKey, 21);

        var decoded = Bolt11Decoder.Decode(invoice.GetProperty("payment_request").GetString()!).Invoice!;
        Assert.Equal(3600, decoded.ExpirySeconds);
        Assert.Equal(21_000, decoded.AmountMsat);
    }

    [Fact]
    public async Task ACustomExpiryReachesTheInvoice()
    {
        var wallet = await api.NewWallet();

        var response = await api.WithKey(wallet.InvoiceKey).PostAsJsonAsync("/api/v1/payments", new { @out = false, amount = 10, expiry = 2_678_400 });

        var invoice = await response.Json<JsonElement>();
        Assert.Equal(2_678_400, Bolt11Decoder.Decode(invoice.GetProperty("payment_request").GetString()!).Invoice!.ExpirySeconds);
    }

    [Fact]
    public async Task ADescriptionHashOrAnUnhashedDescriptionPutsOnlyTheHashInTheInvoice()
    {
        var wallet = await api.NewWallet();
        var metadata = Encoding.UTF8.GetBytes("[[\"text/plain\",\"lnurl-pay\"]]");
        var hash = Convert.ToHexStringLower(SHA256.HashData(metadata));
        var client = api.WithKey(wallet.InvoiceKey);

        var byHash = await (await client.PostAsJsonAsync("/api/v1/payments", new { @out = false, amount = 10, description_hash = hash })).Json<JsonElement>();
        var byText = await (await client.PostAsJsonAsync("/api/v1/payments", new { @out = false, amount = 10, unhashed_description = Convert.ToHexStringLower(metadata) })).Json<JsonElement>();

        foreach (var invoice in new[] { byHash, byText })
        {
            var decoded = Bolt11Decoder.Decode(invoice.GetProperty("payment_request").GetString()!).Invoice!;
            Assert.Equal(hash, decoded.DescriptionHash);
            Assert.Null(decoded.Description);
        }
    }

    [Theory]
    [InlineData("""{"out": false, "amount": 0}""")]
    [InlineData("""{"out": false}""")]
    [InlineData("""{"out": false, "amount": "ten"}""")]
    [InlineData("""{"out": false, "amount": 10, "unit": "msat"}""")]
    [InlineData("""{"out": false, "amount": 10, "expiry": 0}""")]
    [InlineData("""{"out": false, "amount": 10, "webhook": "ftp://example.com"}""")]
    [InlineData("""{"out": false, "amount": 10, "extra": "order 123"}""")]
    [InlineData("""{"out": false, "amount": 10, "payment_hash": "abc"}""")]
    [InlineData("""{"out": false, "amount": 10, "description_hash": "zz"}""")]
    [InlineData("""{"out": "no", "amount": 10}""")]
    [InlineData("""{"out": false, "amount": 10""")]
    public async Task InvalidInvoiceRequestsAre400WithADetail(string body)
    {
        var wallet = await api.NewWallet();

        var response = await api.WithKey(wallet.InvoiceKey).PostAsync("/api/v1/payments", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.Json<JsonElement>()).GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task AMemoLongerThan640CharactersIs400()
    {
        var wallet = await api.NewWallet();

        var response = await api.WithKey(wallet.InvoiceKey).PostAsJsonAsync("/api/v1/payments", new { @out = false, amount = 10, memo = new string('m', 641) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task WithoutAKeyTheAnswerIs401AndAnUnknownKeyIs404()
    {
        var noKey = await api.Anonymous().PostAsync("/api/v1/payments", null);
        var wrongKey = await api.WithKey("wrong_key").PostAsJsonAsync("/api/v1/payments", new { @out = false, amount = 10 });

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal("No Api Key provided.", (await noKey.Json<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, wrongKey.StatusCode);
        Assert.Equal("Wallet not found.", (await wrongKey.Json<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheKeyHeaderIsCaseInsensitiveAndTheApiKeyQueryParameterWorks()
    {
        var wallet = await api.NewWallet();
        var lower = api.Anonymous();
        lower.DefaultRequestHeaders.Add("x-api-key", wallet.InvoiceKey);

        var byHeader = await lower.PostAsJsonAsync("/api/v1/payments", new { @out = false, amount = 5 });
        var byQuery = await api.Anonymous().PostAsJsonAsync($"/api/v1/payments?api-key={wallet.InvoiceKey}", new { @out = false, amount = 5 });

        Assert.Equal(HttpStatusCode.Created, byHeader.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byQuery.StatusCode);
    }
}
