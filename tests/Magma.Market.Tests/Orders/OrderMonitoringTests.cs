using Magma.Lightning;
using Magma.Market.Orders;

namespace Magma.Market.Tests.Orders;

/// <summary>
/// After VALID_CHANNEL_OPENING the channel is watched for its promised lifetime: an early close and time spent
/// with routing fees above the locked caps are recorded, then the order finishes.
/// </summary>
public sealed class OrderMonitoringTests : MarketHarness
{
    [Fact]
    public async Task MonitoringFinishesAfterTheLockedMinimumOfBlocks()
    {
        var (deal, order) = await ValidOrder();
        Assert.Equal(order.ConfirmationHeight + 20, order.MonitoringEndHeight);

        await MineTo(order.MonitoringEndHeight!.Value - 1);
        await Sweep();
        Assert.Equal(OrderStatus.ValidChannelOpening, (await Order(deal.OrderId)).Status);

        await Simnet.Mine();
        order = await WaitFor(deal.OrderId, OrderStatus.ChannelMonitoringFinished);
        Assert.Null(order.ClosedBlocksBeforeMin);
        Assert.NotNull(order.FinishedAt);
    }

    [Fact]
    public async Task AnEarlyCloseFinishesMonitoringAndRecordsHowManyBlocksWereMissing()
    {
        var (deal, order) = await ValidOrder();
        await Simnet.Mine(5);

        Assert.True(await Simnet.CloseChannel(ChannelPoint(order)));
        await Simnet.Mine();

        order = await WaitFor(deal.OrderId, OrderStatus.ChannelMonitoringFinished);
        Assert.Equal(order.MonitoringEndHeight - await Simnet.Height(), order.ClosedBlocksBeforeMin);
        Assert.True(order.ClosedBlocksBeforeMin > 0);
        Assert.Contains("closed", (await Events(deal.OrderId))[^1].Message);
    }

    [Fact]
    public async Task TimeWithRoutingFeesAboveTheLockedCapsAccumulatesBetweenChecks()
    {
        var (deal, order) = await ValidOrder();
        Assert.Equal((1_000, 10), (order.LockedFeeRateCap, order.LockedBaseFeeCap));
        var point = ChannelPoint(order);

        Assert.True(await Simnet.UpdateChannelPolicy(deal.SellerPubkey, point, baseFeeMsat: 1_000, feeRatePpm: 5_000));
        Clock.Advance(TimeSpan.FromMinutes(10));
        await MineAndSettle(deal);
        Assert.Equal(600, (await Order(deal.OrderId)).FeeAboveCapSeconds);

        // Above the base-fee cap only (11 sats > 10) also counts. Fees are checked once per block: a sweep at the
        // same tip adds nothing, the next block's check counts all the time since the last one.
        Assert.True(await Simnet.UpdateChannelPolicy(deal.SellerPubkey, point, baseFeeMsat: 11_000, feeRatePpm: 1));
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Sweep();
        Assert.Equal(600, (await Order(deal.OrderId)).FeeAboveCapSeconds);
        await MineAndSettle(deal);
        Assert.Equal(900, (await Order(deal.OrderId)).FeeAboveCapSeconds);

        // Back within the caps (exactly at them): the time since is not counted.
        Assert.True(await Simnet.UpdateChannelPolicy(deal.SellerPubkey, point, baseFeeMsat: 10_000, feeRatePpm: 1_000));
        Clock.Advance(TimeSpan.FromMinutes(20));
        await MineAndSettle(deal);
        Assert.Equal(900, (await Order(deal.OrderId)).FeeAboveCapSeconds);

        // The buyer's side of the channel is not the seller's promise.
        Assert.True(await Simnet.UpdateChannelPolicy(deal.BuyerPubkey, point, baseFeeMsat: 100_000, feeRatePpm: 50_000));
        Clock.Advance(TimeSpan.FromMinutes(20));
        await MineAndSettle(deal);
        Assert.Equal(900, (await Order(deal.OrderId)).FeeAboveCapSeconds);
    }

    /// <summary>One block, and the monitoring check it triggers has looked at the channel's fees (at the current time).</summary>
    private async Task MineAndSettle(Deal deal)
    {
        await Simnet.Mine();
        var now = Clock.GetUtcNow().UtcDateTime;
        await Eventually(async () => (await Order(deal.OrderId)).FeeCheckedAt == now);
    }

    private static OutPoint ChannelPoint(Data.Order order) =>
        OutPoint.TryParse(order.ChannelPoint, out var point) ? point.Value : throw new InvalidOperationException("no channel point");
}
