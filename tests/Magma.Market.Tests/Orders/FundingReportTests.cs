using Magma.Lightning;
using Magma.Market.Orders;

namespace Magma.Market.Tests.Orders;

/// <summary>
/// Once the seller's funding report is recorded the call has succeeded: the immediate chain check that follows it
/// is a courtesy, and a chain pass running at the same moment must not turn the report into an error.
/// </summary>
public sealed class FundingReportTests : MarketHarness
{
    [Fact]
    public async Task AChainPassThatMovesTheOrderDuringTheReportDoesNotFailTheReport()
    {
        var deal = await MarketplaceOrder();
        await Accept(deal);
        await PayFromWallet(deal.OrderId);
        // While the report's own check looks the funding up, a block's chain pass gets there first.
        EngineNode.Before(nameof(ILightningNode.GetTransactionConfirmations), _ => true, () => Get<ChainProgress>().Advance(deal.OrderId));

        await OpenAndReport(deal);

        Assert.Equal(OrderStatus.WaitingForOnChainConfirmation, (await Order(deal.OrderId)).Status);
        await CompleteMarketplaceOrder(deal);
    }

    [Fact]
    public async Task OneChannelCannotBeReportedForTwoOrders()
    {
        var first = await MarketplaceOrder();
        var bought = await Get<OrderPlacement>().Buy(null, new LiquidityOrderInput($"{first.BuyerPubkey.ToHex()}@127.0.0.1:9735", "5000", null, false, false, null));
        var second = first with { OrderId = bought.Order.Id, SellerInvoiceHash = null };
        foreach (var deal in new[] { first, second })
        {
            await Accept(deal);
            await PayFromWallet(deal.OrderId);
        }
        var point = await OpenAndReport(first);

        var error = await Refusal.Expect("channel-point-in-use", () => Get<SellerOperations>().AddTransaction(second.Seller, second.OrderId, point.ToString()));

        Assert.Equal("tx_id", error.Property);
        var order = await Order(second.OrderId);
        Assert.Equal((OrderStatus.WaitingForChannelOpen, (string?)null), (order.Status, order.ChannelPoint));
        await CompleteMarketplaceOrder(first);
        await OpenAndReport(second);
        await CompleteMarketplaceOrder(second);
        Assert.Equal(2, (await NodeOf(first.BuyerPubkey).ListChannels()).Count);
    }
}
