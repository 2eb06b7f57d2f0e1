using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Magma.Api.Tests.Lnbits;

public sealed class LnbitsListTests(LnbitsApi api) : IClassFixture<LnbitsApi>
{
    [Fact]
    public async Task TheListIsNewestFirstInTheSeedsShapeAndPages()
    {
        var wallet = await api.NewWallet();
        var first = await api.CreateInvoice(wallet.InvoiceKey, 100, "first");
        var second = await api.WithKey(wallet.InvoiceKey).PostAsJsonAsync("/api/v1/payments", new { @out = false, amount = 200, memo = "second", extra = new { order_id = "123" } });
        var secondId = (await second.Json<JsonElement>()).GetProperty("checking_id").GetString();
        var client = api.WithKey(wallet.InvoiceKey);

        var all = await (await client.GetAsync("/api/v1/payments")).Json<JsonElement>();
        var page = await (await client.GetAsync("/api/v1/payments?limit=1&offset=1")).Json<JsonElement>();

        Assert.Equal(2, all.GetArrayLength());
        var newest = all[0];
        Assert.Equal(secondId, newest.GetProperty("checking_id").GetString());
        Assert.Equal(200, newest.GetProperty("amount").GetInt64());
        Assert.Equal(0, newest.GetProperty("fee").GetInt64());
        Assert.Equal("second", newest.GetProperty("memo").GetString());
        Assert.Equal("pending", newest.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Number, newest.GetProperty("time").ValueKind);
        Assert.StartsWith("lnbcrt", newest.GetProperty("bolt11").GetString());
        Assert.Equal("123", newest.GetProperty("extra").GetProperty("order_id").GetString());
        Assert.Equal(1, page.GetArrayLength());
        Assert.Equal(first.GetProperty("checking_id").GetString(), page[0].GetProperty("checking_id").GetString());
    }

    [Fact]
    public async Task TheStatusFilterSelectsPendingSuccessOrFailed()
    {
        var wallet = await api.NewWallet();
        var paid = await api.CreateInvoice(wallet.InvoiceKey, 100, "paid");
        await api.PayExternally(paid.GetProperty("payment_request").GetString()!);
        await api.WaitUntilPaid(wallet.InvoiceKey, paid.GetProperty("checking_id").GetString()!);
        await api.CreateInvoice(wallet.InvoiceKey, 200, "open");
        var cancelled = await HoldInvoice(wallet);
        await api.WithKey(wallet.AdminKey).DeleteAsync($"/api/v1/payments/{cancelled}");
        var client = api.WithKey(wallet.InvoiceKey);

        var success = await (await client.GetAsync("/api/v1/payments?status=success")).Json<JsonElement>();
        var pending = await (await client.GetAsync("/api/v1/payments?status=pending")).Json<JsonElement>();
        var failed = await (await client.GetAsync("/api/v1/payments?status=failed")).Json<JsonElement>();
        var unfiltered = await (await client.GetAsync("/api/v1/payments")).Json<JsonElement>();
        var invalid = await client.GetAsync("/api/v1/payments?status=lost");

        Assert.Equal("paid", Assert.Single(success.EnumerateArray()).GetProperty("memo").GetString());
        Assert.Equal("open", Assert.Single(pending.EnumerateArray()).GetProperty("memo").GetString());
        Assert.Equal(cancelled, Assert.Single(failed.EnumerateArray()).GetProperty("checking_id").GetString());
        Assert.Equal(2, unfiltered.GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task PaginatedGivesDataAndTheTotalAndCapsTheLimitAt100()
    {
        var wallet = await api.NewWallet();
        for (var i = 0; i < 3; i++)
            await api.CreateInvoice(wallet.InvoiceKey, 10 + i);
        var client = api.WithKey(wallet.InvoiceKey);

        var page = await (await client.GetAsync("/api/v1/payments/paginated?limit=2")).Json<JsonElement>();
        var tooMany = await client.GetAsync("/api/v1/payments/paginated?limit=101");
        var negative = await client.GetAsync("/api/v1/payments?offset=-1");

        Assert.Equal(2, page.GetProperty("data").GetArrayLength());
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(12, page.GetProperty("data")[0].GetProperty("amount").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
    }

    [Fact]
    public async Task ListingNeedsAKey()
    {
        var response = await api.Anonymous().GetAsync("/api/v1/payments/paginated");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<string> HoldInvoice(LnbitsWallet wallet)
    {
        var response = await api.WithKey(wallet.InvoiceKey).PostAsJsonAsync("/api/v1/payments", new { @out = false, amount = 300, memo = "held", hold = true });
        return (await response.Json<JsonElement>()).GetProperty("checking_id").GetString()!;
    }
}
