using System.Text.Json;

namespace Magma.Api.Tests.Lsps1;

public sealed class Lsps1FailureLifecycleTests
{
    private static string State(JsonElement order) => order.GetProperty("order_state").GetString()!;

    private static string Bolt11(JsonElement order) => order.GetProperty("payment").GetProperty("bolt11").GetProperty("state").GetString()!;

    [Fact]
    public async Task APaidOrderWhoseChannelCannotOpenIsHeldThenFailsAndIsRefunded()
    {
        await using var host = new Lsps1Host(new Dictionary<string, string?> { ["Market:Timeouts:ChannelOpen"] = "00:00:01" });
        var created = await host.CreateOrder(Lsps1Host.Json(Lsps1Host.Body(Lsps1Fixture.AbsentNode)));
        var id = created.GetProperty("order_id").GetString()!;

        await host.PayInvoice(created.GetProperty("payment").GetProperty("bolt11").GetProperty("invoice").GetString()!);
        var held = await host.WaitForOrder(id, o => Bolt11(o) == "HOLD");
        var failed = await host.WaitForOrder(id, o => State(o) == "FAILED" && Bolt11(o) == "REFUNDED");

        Assert.Equal("CREATED", State(held));
        Assert.Equal(JsonValueKind.Null, held.GetProperty("channel").ValueKind);
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("channel").ValueKind);
    }

    [Fact]
    public async Task APaidOrderWithoutAPublicKeyFailsAtOnceAndIsRefunded()
    {
        await using var host = new Lsps1Host();
        var body = Lsps1Host.Body();
        body.Remove("public_key");
        var created = await host.CreateOrder(Lsps1Host.Json(body));

        await host.PayInvoice(created.GetProperty("payment").GetProperty("bolt11").GetProperty("invoice").GetString()!);
        var failed = await host.WaitForOrder(created.GetProperty("order_id").GetString()!, o => State(o) == "FAILED");

        Assert.Equal("REFUNDED", Bolt11(failed));
    }

    [Fact]
    public async Task AnOrderThatExpiresUnpaidFailsWithEveryOptionRefundedAndCanStillBeRead()
    {
        await using var host = new Lsps1Host(new Dictionary<string, string?> { ["Market:Timeouts:BuyerPayment"] = "00:00:01" });
        var refund = await host.NewAddress(await host.NewNode("refund"));
        var body = Lsps1Host.Body(Lsps1Fixture.AbsentNode);
        body["refund_onchain_address"] = refund;
        var created = await host.CreateOrder(Lsps1Host.Json(body));
        var id = created.GetProperty("order_id").GetString()!;

        var failed = await host.WaitForOrder(id, o => State(o) == "FAILED");
        var again = await host.GetOrder(id, "/api/lsps1/v1");

        Assert.Equal("EXPECT_PAYMENT", created.GetProperty("payment").GetProperty("onchain").GetProperty("state").GetString());
        Assert.Equal("REFUNDED", Bolt11(failed));
        Assert.Equal("REFUNDED", failed.GetProperty("payment").GetProperty("onchain").GetProperty("state").GetString());
        Assert.Equal(failed.ToString(), again.ToString());
    }
}
