using Magma.Market.Data;
using Magma.Market.Orders;

namespace Magma.Api.Checkout;

/// <summary>What the checkout page shows about an order, and polls for.</summary>
public sealed record CheckoutStatus(string OrderId, string Status, string PaymentStatus, string? Invoice, long AmountSat, long SizeSat, string Headline, bool Final)
{
    public static CheckoutStatus Of(Order order) => new(
        order.Id, OrderNames.Of(order.Status), OrderNames.Of(order.PaymentStatus), order.BuyerInvoice, order.BuyerAmountSat, order.SizeSat,
        HeadlineFor(order), order.Status.IsTerminal() || order.Status == OrderStatus.ValidChannelOpening);

    private static string HeadlineFor(Order order) => order.Status switch
    {
        OrderStatus.WaitingForSellerApproval => "Waiting for the seller to accept the order.",
        OrderStatus.WaitingForBuyerPayment => "Pay the invoice to lock in your channel.",
        OrderStatus.WaitingForChannelOpen => "Payment received and held in escrow. The channel is being opened.",
        OrderStatus.SellerSentTransaction or OrderStatus.WaitingForOnChainConfirmation => "The channel's funding transaction is on its way to the chain.",
        OrderStatus.OnChainConfirmation or OrderStatus.SellerOpenedChannel => "The channel is confirmed and being checked.",
        OrderStatus.ValidChannelOpening or OrderStatus.ChannelMonitoringFinished => "Your inbound channel is open.",
        OrderStatus.BuyerFailedToPay => "The invoice expired before it was paid.",
        _ => "The order did not complete. Any payment held for it has been returned to your wallet.",
    };
}
