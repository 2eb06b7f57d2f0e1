using System.Text.Json;
using Magma.Lightning.Bolt11;

namespace Magma.Api.Tests.Lsps1;

public sealed class Lsps1LightningLifecycleTests
{
    [Fact]
    public async Task APaidOrderOpensAPrivateChannelPushingTheClientBalanceAndCompletes()
    {
        await using var host = new Lsps1Host();
        var client = await host.NewNode();
        var body = Lsps1Host.Body(client);
        body["client_balance_sat"] = "50000";

        var created = await host.CreateOrder(Lsps1Host.Json(body));
        var orderId = created.GetProperty("order_id").GetString()!;
        var bolt11 = created.GetProperty("payment").GetProperty("bolt11");
        var total = long.Parse(bolt11.GetProperty("order_total_sat").GetString()!);
        var fee = long.Parse(bolt11.GetProperty("fee_total_sat").GetString()!);
        var invoice = Bolt11Decoder.Decode(bolt11.GetProperty("invoice").GetString()!).Invoice!;
        var held = await host.PayInvoice(bolt11.GetProperty("invoice").GetString()!);
        var completed = await host.WaitForOrder(orderId, o => o.GetProperty("order_state").GetString() == "COMPLETED"
            && o.GetProperty("payment").GetProperty("bolt11").GetProperty("state").GetString() == "PAID");
        await host.Mine(3);
        var confirmed = await host.GetOrder(orderId);
        var node = await host.Node(client);

        Assert.Equal("CREATED", created.GetProperty("order_state").GetString());
        Assert.Equal("EXPECT_PAYMENT", bolt11.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("channel").ValueKind);
        Assert.Equal(fee + 50_000, total);
        Assert.Equal(total * 1000, invoice.AmountMsat);
        Assert.Equal("ACCEPTED", held);
        var channel = completed.GetProperty("channel");
        Assert.Matches("^[0-9a-f]{64}:[0-9]+$", channel.GetProperty("funding_outpoint").GetString());
        var funded = DateTime.Parse(channel.GetProperty("funded_at").GetString()!, null, System.Globalization.DateTimeStyles.RoundtripKind);
        var expires = DateTime.Parse(channel.GetProperty("expires_at").GetString()!, null, System.Globalization.DateTimeStyles.RoundtripKind);
        Assert.True(expires - funded >= TimeSpan.FromMinutes(10 * 13140));
        var opened = Assert.Single(node.GetProperty("channels").EnumerateArray());
        Assert.Equal(1_050_000, opened.GetProperty("capacity_sat").GetInt64());
        Assert.Equal(50_000, opened.GetProperty("local_balance_sat").GetInt64());
        Assert.True(opened.GetProperty("private").GetBoolean());
        // Confirmations change nothing the client sees: the order stays completed and paid on the same channel.
        Assert.Equal("COMPLETED", confirmed.GetProperty("order_state").GetString());
        Assert.Equal("PAID", confirmed.GetProperty("payment").GetProperty("bolt11").GetProperty("state").GetString());
        Assert.Equal(channel.ToString(), confirmed.GetProperty("channel").ToString());
    }
}
