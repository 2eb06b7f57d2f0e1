using System.Net;
using System.Text.Json;

namespace Magma.Api.Tests.Lnbits;

public sealed class LnbitsStatusTests(LnbitsApi api) : IClassFixture<LnbitsApi>
{
    [Fact]
    public async Task TheWalletsOwnKeySeesTheSeedsDetails()
    {
        var wallet = await api.NewWallet();
        var invoice = await api.CreateInvoice(wallet.InvoiceKey, 1000, "Coffee payment");
        var checkingId = invoice.GetProperty("checking_id").GetString()!;
        await api.PayExternally(invoice.GetProperty("payment_request").GetString()!);

        var status = await api.WaitUntilPaid(wallet.AdminKey, checkingId);

        Assert.True(status.GetProperty("paid").GetBoolean());
        var details = status.GetProperty("details");
        Assert.Equal(checkingId, details.GetProperty("checking_id").GetString());
        Assert.Equal(1000, details.GetProperty("amount").GetInt64());
        Assert.Equal(0, details.GetProperty("fee").GetInt64());
        Assert.Equal("Coffee payment", details.GetProperty("memo").GetString());
        Assert.Equal("success", details.GetProperty("status").GetString());
        var time = details.GetProperty("time").GetInt64();
        Assert.InRange(time, DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task WithoutAKeyOrWithAnotherWalletsKeyThereAreNoDetails()
    {
        var wallet = await api.NewWallet();
        var other = await api.NewWallet("Other");
        var invoice = await api.CreateInvoice(wallet.InvoiceKey, 10);
        var checkingId = invoice.GetProperty("checking_id").GetString()!;

        var anonymous = await api.Status(null, checkingId);
        var foreign = await api.Status(other.AdminKey, checkingId);
        var own = await api.Status(wallet.InvoiceKey, checkingId);

        foreach (var status in new[] { anonymous, foreign })
        {
            Assert.False(status.GetProperty("paid").GetBoolean());
            Assert.False(status.TryGetProperty("details", out _));
            Assert.False(status.TryGetProperty("preimage", out _));
        }
        Assert.Equal("pending", own.GetProperty("details").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, own.GetProperty("details").GetProperty("preimage").ValueKind);
    }

    [Fact]
    public async Task APaidInvoiceShowsPaidWithoutAKey()
    {
        var wallet = await api.NewWallet();
        var invoice = await api.CreateInvoice(wallet.InvoiceKey, 10);
        var checkingId = invoice.GetProperty("checking_id").GetString()!;
        await api.PayExternally(invoice.GetProperty("payment_request").GetString()!);
        await api.WaitUntilPaid(wallet.InvoiceKey, checkingId);

        var status = await api.Status(null, checkingId);

        Assert.True(status.GetProperty("paid").GetBoolean());
        Assert.Matches("^[0-9a-f]{64}$", status.GetProperty("preimage").GetString());
        Assert.False(status.TryGetProperty("details", out _));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not-a-hash")]
    public async Task AnUnknownPaymentIs404(string checkingId)
    {
        var response = await api.Anonymous().GetAsync($"/api/v1/payments/{checkingId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Payment does not exist.", (await response.Json<JsonElement>()).GetProperty("detail").GetString());
    }
}
