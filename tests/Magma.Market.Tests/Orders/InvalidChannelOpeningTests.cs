using Magma.Lightning;
using Magma.Market.Orders;

namespace Magma.Market.Tests.Orders;

/// <summary>
/// A channel that is not the one sold fails validation after its confirmations: the buyer's HTLC is cancelled,
/// the seller's invoice is never paid and the offer's liquidity comes back.
/// </summary>
public sealed class InvalidChannelOpeningTests : MarketHarness
{
    public enum Mismatch { TooSmall, WrongNode, PrivateInsteadOfPublic, PublicInsteadOfPrivate }

    [Theory]
    [InlineData(Mismatch.TooSmall, "capacity")]
    [InlineData(Mismatch.WrongNode, "does not connect")]
    [InlineData(Mismatch.PrivateInsteadOfPublic, "private but the order asked for a public")]
    [InlineData(Mismatch.PublicInsteadOfPrivate, "announced but the order asked for a private")]
    public async Task AChannelThatDoesNotMatchTheOrderIsInvalidAndTheBuyerIsRefunded(Mismatch mismatch, string reason)
    {
        var deal = await MarketplaceOrder(isPrivate: mismatch == Mismatch.PublicInsteadOfPrivate);
        await Accept(deal);
        var payment = await PayFromBuyerNode(deal);
        var order = await Order(deal.OrderId);
        var stranger = await BuyerNode("stranger");

        await (mismatch switch
        {
            Mismatch.TooSmall => OpenAndReport(deal, capacitySat: order.SizeSat - 1),
            Mismatch.WrongNode => OpenAndReport(deal, peer: stranger.Pubkey),
            Mismatch.PrivateInsteadOfPublic => OpenAndReport(deal, isPrivate: true),
            _ => OpenAndReport(deal, isPrivate: false),
        });
        await Simnet.Mine(3);

        order = await WaitFor(deal.OrderId, OrderStatus.InvalidChannelOpening);
        Assert.Contains(reason, order.FailureReason);
        Assert.Equal(
        [
            OrderStatus.WaitingForSellerApproval, OrderStatus.WaitingForBuyerPayment, OrderStatus.WaitingForChannelOpen,
            OrderStatus.SellerSentTransaction, OrderStatus.WaitingForOnChainConfirmation, OrderStatus.OnChainConfirmation,
            OrderStatus.SellerOpenedChannel, OrderStatus.InvalidChannelOpening,
        ], await Trail(deal.OrderId));
        await Eventually(async () => (await Order(deal.OrderId)).EscrowCancelledAt is not null);
        Assert.Equal(InvoiceState.Canceled, await HoldState(deal.OrderId));
        Assert.Equal(PayOutcome.Failed, (await payment).Outcome);
        Assert.Equal(InvoiceState.Open, (await NodeOf(deal.SellerPubkey).LookupInvoice(deal.SellerInvoiceHash!))!.State);
        Assert.Equal(OrderPaymentStatus.SuccessfulPayment, (await Order(deal.OrderId)).PaymentStatus);
        Assert.Equal(await TotalSize(deal.OfferId), await Available(deal.OfferId));
    }

    [Fact]
    public async Task AChannelLargerThanOrderedIsStillValid()
    {
        var deal = await MarketplaceOrder();
        await Accept(deal);
        await PayFromWallet(deal.OrderId);
        var order = await Order(deal.OrderId);

        await OpenAndReport(deal, capacitySat: order.SizeSat + 100_000);
        await Simnet.Mine(3);

        await WaitFor(deal.OrderId, OrderStatus.ValidChannelOpening);
        await Eventually(async () => (await Order(deal.OrderId)).EscrowSettledAt is not null);
        Assert.Equal(InvoiceState.Settled, await HoldState(deal.OrderId));
    }
}
