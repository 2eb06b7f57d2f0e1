using Magma.Lightning;
using Magma.Market.Orders;

namespace Magma.Market.Tests.Orders;

/// <summary>
/// A seller cannot fill an order with a channel it already had to the buyer: one whose funding confirmed before the
/// buyer paid is invalid, and the buyer's HTLC goes back.
/// </summary>
public sealed class PreexistingChannelTests : MarketHarness
{
    [Fact]
    public async Task AChannelFundedBeforeThePaymentIsInvalidAndTheBuyerIsRefunded()
    {
        var deal = await MarketplaceOrder();
        var order = await Order(deal.OrderId);
        var seller = NodeOf(deal.SellerPubkey);
        await seller.ConnectPeer(new NodeUri(deal.BuyerPubkey, "127.0.0.1", 9735));
        var existing = await seller.OpenChannel(new OpenChannelParams(deal.BuyerPubkey, order.SizeSat, Private: order.IsPrivate));
        Assert.Equal(OpenChannelOutcome.Pending, existing.Outcome);
        await Simnet.Mine(6);

        await Accept(deal);
        await PayFromWallet(deal.OrderId);
        await Get<SellerOperations>().AddTransaction(deal.Seller, deal.OrderId, existing.FundingOutpoint.ToString());
        await Simnet.Mine(1);

        order = await WaitFor(deal.OrderId, OrderStatus.InvalidChannelOpening);
        Assert.Contains("before the buyer paid", order.FailureReason);
        Assert.True(order.ChannelId >> 40 < order.PaidHeight);
        await Eventually(async () => (await Order(deal.OrderId)).EscrowCancelledAt is not null);
        Assert.Equal(InvoiceState.Canceled, await HoldState(deal.OrderId));
        Assert.Equal(InvoiceState.Open, (await NodeOf(deal.SellerPubkey).LookupInvoice(deal.SellerInvoiceHash!))!.State);
    }

    [Fact]
    public async Task TheHeightAtWhichThePaymentWasHeldIsRecorded()
    {
        var deal = await MarketplaceOrder();
        await Accept(deal);
        var tip = await Simnet.Height();

        await PayFromWallet(deal.OrderId);

        var order = await WaitFor(deal.OrderId, OrderStatus.WaitingForChannelOpen);
        Assert.Equal(tip, order.PaidHeight);
    }
}
