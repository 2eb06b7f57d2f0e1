using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Magma.Lightning.Bitcoin;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Crypto;

namespace Magma.Api.Tests.Lnbits;

public sealed class LnbitsPayTests(LnbitsApi api) : IClassFixture<LnbitsApi>
{
    [Fact]
    public async Task TheAdminKeyPaysASimnetNodesInvoiceForReal()
    {
        var payer = await api.FundedWallet(50_000);
        var seller = await SellerNode();
        var invoice = await (await api.Anonymous().PostAsJsonAsync($"/api/v1/sandbox/nodes/{seller}/invoices", new { amount_msat = 20_000_000, memo = "tea" })).Json<JsonElement>();
        var bolt11 = invoice.GetProperty("payment_request").GetString()!;

        var response = await api.WithKey(payer.AdminKey).PostAsync("/api/v1/payments",
            new StringContent($$"""{"out": true, "bolt11": "{{bolt11}}"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var paid = await response.Json<JsonElement>();
        var hash = invoice.GetProperty("payment_hash").GetString();
        Assert.Equal(hash, paid.GetProperty("payment_hash").GetString());
        Assert.Equal(hash, paid.GetProperty("checking_id").GetString());
        Assert.Equal("success", paid.GetProperty("status").GetString());
        Assert.Equal(-20_000, paid.GetProperty("amount").GetInt64());
        var fee = -paid.GetProperty("fee").GetInt64();
        Assert.True(fee > 0);
        var status = await api.Status(payer.InvoiceKey, hash!);
        Assert.True(status.GetProperty("paid").GetBoolean());
        Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(status.GetProperty("preimage").GetString()!))));
        Assert.Equal(50_000_000 - 20_000_000 - fee, await Balance(payer));
    }

    [Fact]
    public async Task PayingAnotherWalletsInvoiceSettlesInternally()
    {
        var payer = await api.FundedWallet(10_000);
        var payee = await api.NewWallet("Payee");
        var invoice = await api.CreateInvoice(payee.InvoiceKey, 3_000, "internal");

        var response = await api.WithKey(payer.AdminKey).PostAsJsonAsync("/api/v1/payments", new { @out = true, bolt11 = invoice.GetProperty("payment_request").GetString() });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var paid = await response.Json<JsonElement>();
        var hash = invoice.GetProperty("payment_hash").GetString();
        Assert.Equal("internal_" + hash, paid.GetProperty("checking_id").GetString());
        Assert.Equal("success", paid.GetProperty("status").GetString());
        Assert.Equal(0, paid.GetProperty("fee").GetInt64());
        Assert.Equal(3_000_000, await Balance(payee));
        Assert.Equal(7_000_000, await Balance(payer));
        var received = await api.Status(payee.InvoiceKey, invoice.GetProperty("checking_id").GetString()!);
        Assert.True(received.GetProperty("paid").GetBoolean());
        Assert.Equal(3_000, received.GetProperty("details").GetProperty("amount").GetInt64());
        var sent = await api.Status(payer.InvoiceKey, "internal_" + hash);
        Assert.Equal(-3_000, sent.GetProperty("details").GetProperty("amount").GetInt64());
    }

    [Fact]
    public async Task AnInvoiceKeyCannotPay()
    {
        var payer = await api.FundedWallet(1_000);
        var invoice = await api.CreateInvoice((await api.NewWallet()).InvoiceKey, 10);

        var response = await api.WithKey(payer.InvoiceKey).PostAsJsonAsync("/api/v1/payments", new { @out = true, bolt11 = invoice.GetProperty("payment_request").GetString() });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.Json<JsonElement>()).GetProperty("detail").GetString()));
        Assert.Equal(1_000_000, await Balance(payer));
    }

    [Fact]
    public async Task OutDefaultsToPayingAndAMissingBolt11Is400()
    {
        var payer = await api.NewWallet();

        var missing = await api.WithKey(payer.AdminKey).PostAsJsonAsync("/api/v1/payments", new { amount = 10 });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("Missing BOLT11 invoice", (await missing.Json<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnUndecodableOrMainnetInvoiceIs520WithStatusFailed()
    {
        var payer = await api.FundedWallet(1_000);
        var mainnet = Bolt11Encoder.Encode(new Bolt11InvoiceDraft
        {
            Network = BitcoinNetwork.Mainnet, AmountMsat = 10_000, Timestamp = DateTimeOffset.UtcNow,
            PaymentHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            PaymentSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), Description = "elsewhere",
        }, PrivateKey.Generate());

        var garbage = await api.WithKey(payer.AdminKey).PostAsJsonAsync("/api/v1/payments", new { bolt11 = "lnbcrt1nonsense" });
        var foreign = await api.WithKey(payer.AdminKey).PostAsJsonAsync("/api/v1/payments", new { bolt11 = mainnet });

        Assert.Equal(520, (int)garbage.StatusCode);
        Assert.Equal("failed", (await garbage.Json<JsonElement>()).GetProperty("status").GetString());
        // The default sandbox behaviour for an invoice outside Simnet is expire: the send is accepted and stays pending.
        Assert.Equal(HttpStatusCode.Created, foreign.StatusCode);
        Assert.Equal("pending", (await foreign.Json<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task InsufficientBalanceIs520()
    {
        var payer = await api.NewWallet("Empty");
        var invoice = await api.CreateInvoice((await api.NewWallet()).InvoiceKey, 10);

        var response = await api.WithKey(payer.AdminKey).PostAsJsonAsync("/api/v1/payments", new { @out = true, bolt11 = invoice.GetProperty("payment_request").GetString() });

        Assert.Equal(520, (int)response.StatusCode);
        var body = await response.Json<JsonElement>();
        Assert.Equal("failed", body.GetProperty("status").GetString());
        Assert.Contains("Insufficient balance", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PayingAnAlreadyPaidInvoiceAgainIs520WithStatusSuccessAndTheFirstPaymentStaysPaid()
    {
        var payer = await api.FundedWallet(1_000);
        var invoice = await api.CreateInvoice((await api.NewWallet()).InvoiceKey, 10);
        var bolt11 = invoice.GetProperty("payment_request").GetString();
        var first = await api.WithKey(payer.AdminKey).PostAsJsonAsync("/api/v1/payments", new { @out = true, bolt11 });

        var second = await api.WithKey(payer.AdminKey).PostAsJsonAsync("/api/v1/payments", new { @out = true, bolt11 });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(520, (int)second.StatusCode);
        var refused = await second.Json<JsonElement>();
        Assert.Equal(("Payment already paid.", "success"), (refused.GetProperty("detail").GetString(), refused.GetProperty("status").GetString()));
        // A client that retried after a timeout reads the payment it made: paid, and nothing failed was recorded.
        var checkingId = (await first.Json<JsonElement>()).GetProperty("checking_id").GetString();
        var status = await (await api.WithKey(payer.InvoiceKey).GetAsync($"/api/v1/payments/{checkingId}")).Json<JsonElement>();
        Assert.True(status.GetProperty("paid").GetBoolean());
        var failed = await (await api.WithKey(payer.InvoiceKey).GetAsync("/api/v1/payments?status=failed")).Json<JsonElement>();
        Assert.Equal(0, failed.GetArrayLength());
    }

    private async Task<long> Balance(LnbitsWallet wallet) =>
        (await (await api.WithKey(wallet.InvoiceKey).GetAsync("/api/v1/wallet")).Json<JsonElement>()).GetProperty("balance").GetInt64();

    private async Task<string> SellerNode()
    {
        var node = await (await api.Anonymous().PostAsJsonAsync("/api/v1/sandbox/nodes", new { alias = "seller" })).Json<JsonElement>();
        return node.GetProperty("pubkey").GetString()!;
    }
}
