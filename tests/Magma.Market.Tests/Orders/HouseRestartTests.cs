using Magma.Lightning;
using Magma.Lightning.Crypto;
using Magma.Lightning.Simnet;
using Magma.Market.Data;
using Magma.Market.Orders;

namespace Magma.Market.Tests.Orders;

/// <summary>
/// The house seller across restarts: a channel open cut short (with or without the node having opened it), a
/// payment that arrived while the engine was down, and an acceptance that never finished.
/// </summary>
public sealed class HouseRestartTests : MarketHarness
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnInterruptedHouseChannelOpenEndsWithExactlyOneChannelAfterTheRestart(bool nodeOpenedIt)
    {
        var (order, buyer) = await HouseOrder();
        EngineNode.FailOnce(nameof(ILightningNode.OpenChannel), _ => true, afterCall: nodeOpenedIt);

        await Simnet.PayFromExternal(order.BuyerInvoice!);
        await WaitFor(order.Id, OrderStatus.WaitingForChannelOpen);
        await Eventually(() => Task.FromResult(EngineNode.Finished(nameof(ILightningNode.OpenChannel)) == 1));
        Assert.Equal(nodeOpenedIt ? 1 : 0, (await NodeOf(buyer).ListPendingChannels()).Count);

        await Restart();
        // Within the claim's lifetime a sweep leaves the attempt alone: it may still be running elsewhere.
        await Sweep();
        Assert.Equal(OrderStatus.WaitingForChannelOpen, (await Order(order.Id)).Status);
        Clock.Advance(TimeSpan.FromMinutes(2));
        await Sweep();

        order = await WaitFor(order.Id, OrderStatus.WaitingForOnChainConfirmation);
        var pending = Assert.Single(await NodeOf(buyer).ListPendingChannels());
        Assert.Equal(pending.ChannelPoint.ToString(), order.ChannelPoint);
        await Simnet.Mine(3);
        await WaitFor(order.Id, OrderStatus.ValidChannelOpening);
        await Eventually(async () => (await Order(order.Id)).EscrowSettledAt is not null);
        Assert.Single(await NodeOf(buyer).ListChannels());
        Assert.Equal(InvoiceState.Settled, await HoldState(order.Id));
    }

    [Fact]
    public async Task AHousePaymentThatArrivedWhileTheEngineWasDownOpensTheChannelAfterTheRestart()
    {
        var (order, buyer) = await HouseOrder();

        await Restart(whileDown: async simnet => await simnet.PayFromExternal(order.BuyerInvoice!));

        await Eventually(async () =>
        {
            await Sweep();
            return (await Order(order.Id)).Status == OrderStatus.WaitingForOnChainConfirmation;
        });
        await Simnet.Mine(3);
        await WaitFor(order.Id, OrderStatus.ValidChannelOpening);
        await Eventually(async () => (await Order(order.Id)).EscrowSettledAt is not null);
        Assert.Single(await NodeOf(buyer).ListChannels());
        Assert.Equal(InvoiceState.Settled, await HoldState(order.Id));
    }

    [Fact]
    public async Task AHouseOrderWhoseAcceptanceNeverFinishedFailsAtTheApprovalDeadlineAndFreesTheLiquidity()
    {
        var buyer = await BuyerNode();
        var offerId = Get<Escrow.HouseSeller>().OfferId!;
        EngineNode.FailOnce(nameof(ILightningNode.CreateHoldInvoice), _ => true);

        await Refusal.Expect("lightning-node-unavailable", () => Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(Uri(buyer), "5000", null, false, false, null)));
        var stuck = await OnlyOrder();
        Assert.Equal(OrderStatus.WaitingForSellerApproval, stuck.Status);
        Assert.True(await Available(offerId) < await TotalSize(offerId));

        await Restart();
        Clock.Advance(TimeSpan.FromHours(2));
        await Sweep();

        Assert.Equal(OrderStatus.SellerFailedToReact, (await Order(stuck.Id)).Status);
        Assert.Equal(await TotalSize(offerId), await Available(offerId));
    }

    private async Task<(Order Order, PublicKey Buyer)> HouseOrder()
    {
        var buyer = await BuyerNode();
        var bought = await Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(Uri(buyer), "5000", null, false, false, null));
        Assert.True(bought.Order.IsHouse);
        return (bought.Order, buyer.Pubkey);
    }

    private async Task<Order> OnlyOrder()
    {
        await using var db = Database.Read<MarketDbContext>();
        return db.Orders.Single();
    }
}
