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
}
