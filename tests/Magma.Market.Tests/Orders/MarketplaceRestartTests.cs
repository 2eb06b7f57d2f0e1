using Magma.Lightning;
using Magma.Lightning.Simnet;
using Magma.Market.Orders;

namespace Magma.Market.Tests.Orders;

/// <summary>
/// A restart resumes every in-flight marketplace order from the database alone: the rebuilt services, the node's
/// events and the sweeps take it on to the seller's payout and the end of monitoring.
/// </summary>
public sealed class MarketplaceRestartTests : MarketHarness
{
    [Theory]
    [InlineData(OrderStatus.WaitingForSellerApproval)]
    [InlineData(OrderStatus.WaitingForBuyerPayment)]
    [InlineData(OrderStatus.WaitingForChannelOpen)]
    [InlineData(OrderStatus.WaitingForOnChainConfirmation)]
    public async Task AnOrderRestartedInFlightStillCompletes(OrderStatus restartIn)
    {
        var deal = await MarketplaceOrder();
        if (restartIn != OrderStatus.WaitingForSellerApproval)
            await Accept(deal);
        if (restartIn is OrderStatus.WaitingForChannelOpen or OrderStatus.WaitingForOnChainConfirmation)
            await PayFromWallet(deal.OrderId);
        if (restartIn == OrderStatus.WaitingForOnChainConfirmation)
        {
            await OpenAndReport(deal);
            await Simnet.Mine();
            await Eventually(async () => (await Order(deal.OrderId)).FundingConfirmations == 1);
        }
        Assert.Equal(restartIn, (await Order(deal.OrderId)).Status);

        await Restart();
        await Sweep();

        Assert.Equal(restartIn, (await Order(deal.OrderId)).Status);
        await CompleteMarketplaceOrder(deal);
    }

    [Fact]
    public async Task AnOrderRestartedDuringMonitoringFinishesWhenItsBlocksHavePassed()
    {
        var (deal, order) = await ValidOrder();

        await Restart();
        await Sweep();

        // Still monitored after the restart, with the same end height, and nothing is paid or settled twice.
        var resumed = await Order(deal.OrderId);
        Assert.Equal(OrderStatus.ValidChannelOpening, resumed.Status);
        Assert.Equal(order.MonitoringEndHeight, resumed.MonitoringEndHeight);
        await MineTo(order.MonitoringEndHeight!.Value);
        await WaitFor(deal.OrderId, OrderStatus.ChannelMonitoringFinished);
        Assert.Equal(InvoiceState.Settled, await HoldState(deal.OrderId));
        Assert.Single(await Trail(deal.OrderId), s => s == OrderStatus.ValidChannelOpening);
    }

    [Fact]
    public async Task APaymentThatArrivedWhileTheEngineWasDownIsPickedUpAfterTheRestart()
    {
        var deal = await MarketplaceOrder();
        var accepted = await Accept(deal);

        await Restart(whileDown: async simnet =>
            Assert.Equal(ExternalPaymentOutcome.Accepted, (await simnet.PayFromExternal(accepted.BuyerInvoice!)).Outcome));

        // Nothing heard the HTLC arrive; the escrow sweep finds it held.
        Assert.Equal(OrderStatus.WaitingForBuyerPayment, (await Order(deal.OrderId)).Status);
        await Eventually(async () =>
        {
            await Sweep();
            return (await Order(deal.OrderId)).Status == OrderStatus.WaitingForChannelOpen;
        });
        var order = await Order(deal.OrderId);
        Assert.Equal(OrderPaymentStatus.SuccessfulPayment, order.PaymentStatus);
        Assert.NotNull(order.HtlcDeadlineHeight);
        await CompleteMarketplaceOrder(deal);
    }

    [Fact]
    public async Task AnOrderLeftInSellerSentTransactionByANodeFailureMovesOnAfterTheRestart()
    {
        var deal = await MarketplaceOrder();
        await Accept(deal);
        await PayFromWallet(deal.OrderId);

        // The funding report is recorded (the call succeeds), then the node fails while the engine looks the transaction up.
        EngineNode.FailOnce(nameof(ILightningNode.GetTransactionConfirmations), _ => true);
        await OpenAndReport(deal);
        Assert.Equal(OrderStatus.SellerSentTransaction, (await Order(deal.OrderId)).Status);

        await Restart();
        await Sweep();

        await CompleteMarketplaceOrder(deal);
        Assert.Contains(OrderStatus.SellerSentTransaction, await Trail(deal.OrderId));
    }
}
