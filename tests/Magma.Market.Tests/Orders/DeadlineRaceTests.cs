using Magma.Lightning;
using Magma.Market.Orders;

namespace Magma.Market.Tests.Orders;

/// <summary>
/// A deadline sweep reads the due orders, then handles them one by one. An order that escaped its deadline in
/// between (its seller reported the funding transaction first) has won: the sweep must leave its HTLC alone.
/// </summary>
public sealed class DeadlineRaceTests : MarketHarness
{
    [Fact]
    public async Task AFundingReportThatBeatsTheOpenDeadlineSweepKeepsTheBuyersPaymentHeld()
    {
        var late = await MarketplaceOrder();
        await Accept(late);
        await PayFromWallet(late.OrderId);
        var unpaid = await AnotherOrder(late);
        await Accept(unpaid);
        Clock.Advance(TimeSpan.FromHours(1));

        // The sweep has read both due orders; while it checks the unpaid one, the late seller reports its channel.
        var unpaidHash = (await Order(unpaid.OrderId)).PaymentHash!;
        EngineNode.Before(nameof(ILightningNode.LookupInvoice), args => (string)args[0]! == unpaidHash, () => OpenAndReport(late));
        await Get<DeadlineEnforcer>().Sweep();

        Assert.Equal(OrderStatus.BuyerFailedToPay, (await Order(unpaid.OrderId)).Status);
        var order = await Order(late.OrderId);
        Assert.Equal(OrderStatus.WaitingForOnChainConfirmation, order.Status);
        Assert.Null(order.EscrowCancelledAt);
        Assert.Equal(InvoiceState.Accepted, await HoldState(late.OrderId));

        await Simnet.Mine(3);
        await WaitFor(late.OrderId, OrderStatus.ValidChannelOpening);
        await Eventually(async () => (await Order(late.OrderId)).EscrowSettledAt is not null);
        Assert.Equal(InvoiceState.Settled, await HoldState(late.OrderId));
        Assert.Equal(InvoiceState.Settled, (await NodeOf(late.SellerPubkey).LookupInvoice(late.SellerInvoiceHash!))!.State);
    }
}
