using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Magma.Api.Tests.Lsps1;

public sealed class Lsps1OnchainLifecycleTests
{
    /// <summary>Simnet's fee estimate for 6 blocks (6 sat/vB) times the refund's 153 vbytes.</summary>
    private const long RefundFee = 6 * 153;

    private static JsonElement Onchain(JsonElement order) => order.GetProperty("payment").GetProperty("onchain");

    private static long Total(JsonElement order) => long.Parse(Onchain(order).GetProperty("order_total_sat").GetString()!);

    private static async Task<(string Client, string Refund, JsonElement Order)> Order(Lsps1Host host, string? publicKey = null)
    {
        var client = await host.NewNode("client");
        var refund = await host.NewAddress(client);
        var body = Lsps1Host.Body(publicKey ?? client);
        (body["refund_onchain_address"], body["client_balance_sat"]) = (refund, "20000");
        return (client, refund, await host.CreateOrder(Lsps1Host.Json(body)));
    }

    private static async Task<long> Confirmed(Lsps1Host host, string node) =>
        (await host.Node(node)).GetProperty("wallet").GetProperty("confirmed_sat").GetInt64();

    [Fact]
    public async Task AConfirmedOnchainPaymentOpensTheChannelAndCompletes()
    {
        await using var host = new Lsps1Host();
        var (client, _, created) = await Order(host);
        var id = created.GetProperty("order_id").GetString()!;
        var onchain = Onchain(created);

        await host.PayOnchain(onchain.GetProperty("address").GetString()!, Total(created));
        var unconfirmed = await host.GetOrder(id);
        var paidAt = (await host.Mine()).GetProperty("height").GetInt32();
        var completed = await host.WaitForOrder(id, o => o.GetProperty("order_state").GetString() == "COMPLETED");
        // Paid on-chain, the order still records the height its channel must be funded after.
        await using (var db = host.App.Services.GetRequiredService<Magma.Lightning.Storage.SqliteDatabase>().Read<Magma.Market.Data.MarketDbContext>())
            Assert.Equal(paidAt, (await db.Orders.SingleAsync(o => o.Id == id)).PaidHeight);
        await host.Mine(3);
        var confirmed = await host.GetOrder(id);
        var node = await host.Node(client);

        Assert.StartsWith("bcrt1", onchain.GetProperty("address").GetString());
        Assert.Equal(1, onchain.GetProperty("min_onchain_payment_confirmations").GetInt32());
        Assert.False(onchain.TryGetProperty("min_fee_for_0conf", out _));
        Assert.Equal("EXPECT_PAYMENT", Onchain(unconfirmed).GetProperty("state").GetString());
        Assert.Equal("PAID", Onchain(completed).GetProperty("state").GetString());
        Assert.Equal("REFUNDED", completed.GetProperty("payment").GetProperty("bolt11").GetProperty("state").GetString());
        Assert.NotEqual(JsonValueKind.Null, completed.GetProperty("channel").ValueKind);
        var channel = Assert.Single(node.GetProperty("channels").EnumerateArray());
        Assert.Equal(20_000, channel.GetProperty("local_balance_sat").GetInt64());
        Assert.Equal("COMPLETED", confirmed.GetProperty("order_state").GetString());
        Assert.Equal("PAID", Onchain(confirmed).GetProperty("state").GetString());
        Assert.Equal(completed.GetProperty("channel").ToString(), confirmed.GetProperty("channel").ToString());
    }

    [Fact]
    public async Task AnOnchainPaymentWhoseChannelCannotOpenIsRefundedMinusAFairFee()
    {
        await using var host = new Lsps1Host(new Dictionary<string, string?> { ["Market:Timeouts:ChannelOpen"] = "00:00:01" });
        var (client, _, created) = await Order(host, Lsps1Fixture.AbsentNode);
        var id = created.GetProperty("order_id").GetString()!;
        var before = await Confirmed(host, client);

        await host.PayOnchain(Onchain(created).GetProperty("address").GetString()!, Total(created));
        await host.Mine();
        var failed = await host.WaitForOrder(id, o => o.GetProperty("order_state").GetString() == "FAILED"
            && Onchain(o).GetProperty("state").GetString() == "REFUNDED");
        await Eventually(async () =>
        {
            await host.Mine();
            return await Confirmed(host, client) > before;
        });

        Assert.Equal("REFUNDED", failed.GetProperty("payment").GetProperty("bolt11").GetProperty("state").GetString());
        Assert.Equal(before + Total(created) - RefundFee, await Confirmed(host, client));
    }

    [Fact]
    public async Task WhenBothOptionsArePaidLightningIsKeptAndTheOnchainPaymentRefunded()
    {
        await using var host = new Lsps1Host();
        var (client, _, created) = await Order(host);
        var id = created.GetProperty("order_id").GetString()!;
        var before = await Confirmed(host, client);

        await host.PayInvoice(created.GetProperty("payment").GetProperty("bolt11").GetProperty("invoice").GetString()!);
        await host.WaitForOrder(id, o => o.GetProperty("order_state").GetString() == "COMPLETED");
        await host.PayOnchain(Onchain(created).GetProperty("address").GetString()!, Total(created));
        await host.Mine();
        await Eventually(async () =>
        {
            await host.Mine();
            return await Confirmed(host, client) > before;
        });
        var order = await host.GetOrder(id);

        Assert.Equal("PAID", order.GetProperty("payment").GetProperty("bolt11").GetProperty("state").GetString());
        Assert.Equal("REFUNDED", Onchain(order).GetProperty("state").GetString());
        Assert.Equal(before + Total(created) - RefundFee, await Confirmed(host, client));
    }

    private static async Task Eventually(Func<Task<bool>> condition, int timeoutMs = 20_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!await condition())
        {
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(100);
        }
    }
}
