using Magma.Lightning;
using Magma.Market.Orders;

namespace Magma.Market.Tests.Orders;

/// <summary>A payment nobody heard about is still the buyer's payment: the deadline sweep asks the node before failing the order.</summary>
public sealed class MissedPaymentTests : MarketHarness
{
    [Fact]
    public async Task APaymentWhoseEventWasMissedIsHonouredAtThePaymentDeadline()
    {
        var deal = await MarketplaceOrder();
        var accepted = await Accept(deal);
        await Restart(whileDown: simnet => simnet.PayFromExternal(accepted.BuyerInvoice!));

        Clock.Advance(TimeSpan.FromHours(1));
        await Get<DeadlineEnforcer>().Sweep();

        var order = await Order(deal.OrderId);
        Assert.Equal(OrderStatus.WaitingForChannelOpen, order.Status);
        Assert.Equal(OrderPaymentStatus.SuccessfulPayment, order.PaymentStatus);
        Assert.Equal(InvoiceState.Accepted, await HoldState(deal.OrderId));
        Assert.Equal(Clock.GetUtcNow().UtcDateTime + TimeSpan.FromHours(1), order.ChannelOpenDeadline);
        await CompleteMarketplaceOrder(deal);
    }
}
