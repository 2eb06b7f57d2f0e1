using Magma.Lightning;
using Magma.Market.Orders;

namespace Magma.Market.Tests.Orders;

/// <summary>
/// The chain steps of an order survive a restart: a confirmed funding whose channel was not looked up yet, and a
/// channel seen in the graph whose validation the process did not get to.
/// </summary>
public sealed class ChainRestartTests : MarketHarness
{
    [Fact]
    public async Task AConfirmedFundingWhoseChannelLookupFailedIsValidatedAfterTheRestart()
    {
        var deal = await ConfirmedButNotLookedUp();

        await Restart();
        await Sweep();

        await CompleteMarketplaceOrder(deal);
    }

    [Fact]
    public async Task AChannelSeenInTheGraphButNotYetValidatedIsValidatedAfterTheRestart()
    {
        var deal = await ConfirmedButNotLookedUp();
        // The process saw the channel and recorded it, then stopped before validating it.
        var edge = (await House.FindChannel(OutPoint.TryParse((await Order(deal.OrderId)).ChannelPoint, out var point) ? point.Value : default))!;
        await Get<OrderTransitions>().Fire(deal.OrderId, OrderTrigger.ChannelSeen, "The channel is in the graph.", o => o.ChannelId = (long)edge.ChannelId);
        Assert.Equal(OrderStatus.SellerOpenedChannel, (await Order(deal.OrderId)).Status);

        await Restart();
        await Sweep();

        await CompleteMarketplaceOrder(deal);
        Assert.Equal(1, (await Trail(deal.OrderId)).Count(s => s == OrderStatus.SellerOpenedChannel));
    }

    /// <summary>A paid order whose funding reached its confirmations while the node failed to answer the graph lookup.</summary>
    private async Task<Deal> ConfirmedButNotLookedUp()
    {
        var deal = await MarketplaceOrder();
        await Accept(deal);
        await PayFromWallet(deal.OrderId);
        await OpenAndReport(deal);
        var failed = (await Order(deal.OrderId)).ChainCheckedHeight!.Value;
        EngineNode.FailOnce(nameof(ILightningNode.FindChannel), _ => true);

        await Simnet.Mine(3);

        await WaitFor(deal.OrderId, OrderStatus.OnChainConfirmation);
        await Eventually(async () => (await Order(deal.OrderId)).ChainCheckedHeight > failed);
        Assert.Equal(OrderStatus.OnChainConfirmation, (await Order(deal.OrderId)).Status);
        return deal;
    }
}
