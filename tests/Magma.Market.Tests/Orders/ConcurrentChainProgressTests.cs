using Magma.Market.Orders;

namespace Magma.Market.Tests.Orders;

/// <summary>A block event, the sweep and a seller's report can all advance one order at once; each step happens once.</summary>
public sealed class ConcurrentChainProgressTests : MarketHarness
{
    [Fact]
    public async Task ManyPassesOverOneOrderAtOnceNeitherFailNorRepeatAStep()
    {
        var deal = await MarketplaceOrder();
        await Accept(deal);
        await PayFromWallet(deal.OrderId);
        await OpenAndReport(deal);

        var chain = Get<ChainProgress>();
        for (var block = 0; block < 3; block++)
        {
            await Simnet.Mine();
            // Every pass must finish cleanly, whichever of them takes each step.
            await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => chain.Advance(deal.OrderId)));
        }

        await WaitFor(deal.OrderId, OrderStatus.ValidChannelOpening);
        var trail = await Trail(deal.OrderId);
        Assert.Equal(trail.Distinct().Count(), trail.Count);
        Assert.Equal(
            [OrderStatus.SellerSentTransaction, OrderStatus.WaitingForOnChainConfirmation, OrderStatus.OnChainConfirmation, OrderStatus.SellerOpenedChannel, OrderStatus.ValidChannelOpening],
            trail.SkipWhile(s => s != OrderStatus.SellerSentTransaction).ToList());
    }
}
