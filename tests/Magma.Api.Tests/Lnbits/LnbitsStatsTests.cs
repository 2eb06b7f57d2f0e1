using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Magma.Api.Tests.Lnbits;

public sealed class LnbitsStatsTests(LnbitsApi api) : IClassFixture<LnbitsApi>
{
    [Fact]
    public async Task HistoryGroupsIncomeAndSpendingInSatsByDayByDefault()
    {
        var (shop, _) = await ShopThatSold();

        var byDefault = await (await api.WithKey(shop.InvoiceKey).GetAsync("/api/v1/payments/history")).Json<JsonElement>();
        var byHour = await (await api.WithKey(shop.InvoiceKey).GetAsync("/api/v1/payments/history?group=hour")).Json<JsonElement>();
        var byMonth = await (await api.WithKey(shop.InvoiceKey).GetAsync("/api/v1/payments/history?group=month")).Json<JsonElement>();

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var day = Assert.Single(byDefault.EnumerateArray());
        Assert.Equal(today, day.GetProperty("date").GetString());
        Assert.Equal(5_000, day.GetProperty("income").GetInt64());
        Assert.Equal(1_000, day.GetProperty("spending").GetInt64());
        Assert.Equal(4_000, day.GetProperty("balance").GetInt64());
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:00:00Z$", byHour[0].GetProperty("date").GetString());
        Assert.Equal(today[..7], Assert.Single(byMonth.EnumerateArray()).GetProperty("date").GetString());
    }

    [Fact]
    public async Task AnInvalidHistoryGroupIs400()
    {
        var wallet = await api.NewWallet();

        var response = await api.WithKey(wallet.InvoiceKey).GetAsync("/api/v1/payments/history?group=INVALID");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CountsAreGroupedByTheExtraTag()
    {
        var wallet = await api.NewWallet();
        foreach (var tag in new[] { "lnurlp", "lnurlp", "boltz" })
        {
            var invoice = await (await api.WithKey(wallet.InvoiceKey).PostAsJsonAsync("/api/v1/payments", new { @out = false, amount = 10, extra = new { tag } })).Json<JsonElement>();
            await api.PayExternally(invoice.GetProperty("payment_request").GetString()!);
            await api.WaitUntilPaid(wallet.InvoiceKey, invoice.GetProperty("checking_id").GetString()!);
        }

        var counts = await (await api.WithKey(wallet.InvoiceKey).GetAsync("/api/v1/payments/stats/count")).Json<JsonElement>();

        Assert.Equal(2, counts.GetArrayLength());
        Assert.Equal("lnurlp", counts[0].GetProperty("tag").GetString());
        Assert.Equal(2, counts[0].GetProperty("count").GetInt32());
        Assert.Equal("boltz", counts[1].GetProperty("tag").GetString());
        Assert.Equal(1, counts[1].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task DailyStatsCountPaymentsAndNetTheirAmounts()
    {
        var (shop, _) = await ShopThatSold();

        var daily = await (await api.WithKey(shop.AdminKey).GetAsync("/api/v1/payments/stats/daily")).Json<JsonElement>();

        var day = Assert.Single(daily.EnumerateArray());
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), day.GetProperty("date").GetString());
        Assert.Equal(2, day.GetProperty("count").GetInt32());
        Assert.Equal(4_000, day.GetProperty("total").GetInt64());
        Assert.Equal(5_000, day.GetProperty("balance_in").GetInt64());
        Assert.Equal(1_000, day.GetProperty("balance_out").GetInt64());
    }

    [Fact]
    public async Task PerWalletStatsNeedTheAdminToken()
    {
        var (shop, supplier) = await ShopThatSold();

        var denied = await api.Anonymous().GetAsync("/api/v1/payments/stats/wallets");
        var stats = await (await api.App.Admin().GetAsync("/api/v1/payments/stats/wallets")).Json<JsonElement>();

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        var row = stats.EnumerateArray().Single(s => s.GetProperty("wallet_id").GetString() == shop.Id);
        Assert.Equal("Shop", row.GetProperty("wallet_name").GetString());
        Assert.Equal(5_000, row.GetProperty("total_income").GetInt64());
        Assert.Equal(1_000, row.GetProperty("total_spending").GetInt64());
        Assert.Equal(2, row.GetProperty("payment_count").GetInt32());
        Assert.Contains(stats.EnumerateArray(), s => s.GetProperty("wallet_id").GetString() == supplier.Id && s.GetProperty("total_income").GetInt64() == 1_000);
    }

    /// <summary>A shop that received 5000 sats from a customer and paid a supplier 1000 sats internally (no fee).</summary>
    private async Task<(LnbitsWallet Shop, LnbitsWallet Supplier)> ShopThatSold()
    {
        var shop = await api.FundedWallet(5_000, "Shop");
        var supplier = await api.NewWallet("Supplier");
        var bill = await api.CreateInvoice(supplier.InvoiceKey, 1_000, "beans");
        var paid = await api.WithKey(shop.AdminKey).PostAsJsonAsync("/api/v1/payments", new { @out = true, bolt11 = bill.GetProperty("payment_request").GetString() });
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        return (shop, supplier);
    }
}
