using Magma.Lightning;
using Magma.Lightning.Simnet;
using Magma.Market.Orders;

namespace Magma.Market.Tests.Orders;

/// <summary>Orders that fail before the buyer paid: nothing is held, any issued invoice is voided, the liquidity comes back.</summary>
public sealed class UnpaidOrderFailureTests : MarketHarness
{
    [Fact]
    public async Task ASellerRejectEndsTheOrderWithoutAnInvoiceAndUnlocksTheOffer()
    {
        var deal = await MarketplaceOrder();
        Assert.True(await Available(deal.OfferId) < await TotalSize(deal.OfferId));

        await Get<SellerOperations>().Reject(deal.Seller, deal.OrderId);

        var order = await Order(deal.OrderId);
        Assert.Equal(OrderStatus.SellerRejected, order.Status);
        Assert.Null(order.PaymentHash);
        Assert.Null(order.BuyerInvoice);
        Assert.NotNull(order.FailedAt);
        Assert.Equal(await TotalSize(deal.OfferId), await Available(deal.OfferId));
        Assert.Equal([OrderStatus.WaitingForSellerApproval, OrderStatus.SellerRejected], await Trail(deal.OrderId));
    }

    [Fact]
    public async Task ASellerWhoNeverReactsFailsTheOrderOnlyOnceTheApprovalWindowHasPassed()
    {
        var deal = await MarketplaceOrder();

        Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        await Sweep();
        Assert.Equal(OrderStatus.WaitingForSellerApproval, (await Order(deal.OrderId)).Status);

        Clock.Advance(TimeSpan.FromSeconds(1));
        await Sweep();

        var order = await Order(deal.OrderId);
        Assert.Equal(OrderStatus.SellerFailedToReact, order.Status);
        Assert.Null(order.PaymentHash);
        Assert.Equal(await TotalSize(deal.OfferId), await Available(deal.OfferId));
    }

    [Fact]
    public async Task ABuyerMayCancelBeforeTheSellerAcceptsAndTheSellerCanNoLongerAccept()
    {
        var deal = await MarketplaceOrder();

        await Get<BuyerAndAdminOperations>().Cancel(deal.Buyer, deal.OrderId);

        Assert.Equal(OrderStatus.BuyerRejected, (await Order(deal.OrderId)).Status);
        Assert.Equal(await TotalSize(deal.OfferId), await Available(deal.OfferId));
        await Refusal.Expect("invalid-order-state", () => Accept(deal));
        Assert.Null((await Order(deal.OrderId)).PaymentHash);
    }

    [Fact]
    public async Task ABuyerWhoCancelsAfterAcceptanceVoidsTheHoldInvoice()
    {
        var deal = await MarketplaceOrder();
        var accepted = await Accept(deal);
        Assert.Equal(InvoiceState.Open, await HoldState(deal.OrderId));

        await Get<BuyerAndAdminOperations>().Cancel(deal.Buyer, deal.OrderId);

        var order = await Order(deal.OrderId);
        Assert.Equal(OrderStatus.BuyerRejected, order.Status);
        Assert.Equal(InvoiceState.Canceled, await HoldState(deal.OrderId));
        Assert.NotNull(order.EscrowCancelledAt);
        Assert.Equal(ExternalPaymentOutcome.Rejected, (await Simnet.PayFromExternal(accepted.BuyerInvoice!)).Outcome);
        Assert.Equal(await TotalSize(deal.OfferId), await Available(deal.OfferId));
    }

    [Fact]
    public async Task AnotherAccountCannotCancelTheBuyersOrder()
    {
        var deal = await MarketplaceOrder();

        await Refusal.Expect("order-not-found", () => Get<BuyerAndAdminOperations>().Cancel(deal.Seller, deal.OrderId));

        Assert.Equal(OrderStatus.WaitingForSellerApproval, (await Order(deal.OrderId)).Status);
    }

    [Fact]
    public async Task ABuyerWhoDoesNotPayBeforeTheInvoiceExpiresFailsTheOrderAndTheInvoiceIsCancelled()
    {
        var deal = await MarketplaceOrder();
        var accepted = await Accept(deal);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime + TimeSpan.FromHours(1), accepted.PaymentDeadline);

        Clock.Advance(TimeSpan.FromMinutes(59));
        await Sweep();
        Assert.Equal(OrderStatus.WaitingForBuyerPayment, (await Order(deal.OrderId)).Status);

        Clock.Advance(TimeSpan.FromMinutes(1));
        await Sweep();

        var order = await Order(deal.OrderId);
        Assert.Equal(OrderStatus.BuyerFailedToPay, order.Status);
        Assert.Equal(OrderPaymentStatus.PendingPayment, order.PaymentStatus);
        Assert.Equal(InvoiceState.Canceled, await HoldState(deal.OrderId));
        Assert.Equal(await TotalSize(deal.OfferId), await Available(deal.OfferId));
    }

    [Fact]
    public async Task AHouseOrderNobodyPaysFailsAtThePaymentDeadline()
    {
        var buyer = await BuyerNode();
        var bought = await Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(Uri(buyer), "5000", null, false, false, null));
        var offerId = bought.Order.OfferId;

        Clock.Advance(TimeSpan.FromHours(1));
        await Sweep();

        Assert.Equal(OrderStatus.BuyerFailedToPay, (await Order(bought.Order.Id)).Status);
        Assert.Equal(InvoiceState.Canceled, await HoldState(bought.Order.Id));
        Assert.Equal(await TotalSize(offerId), await Available(offerId));
    }
}
