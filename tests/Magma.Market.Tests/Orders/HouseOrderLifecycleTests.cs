using Magma.Lightning;
using Magma.Market.Orders;

namespace Magma.Market.Tests.Orders;

public sealed class HouseOrderLifecycleTests : MarketHarness
{
    [Fact]
    public async Task AHouseOrderRunsFromPaymentToMonitoringFinishedAndSettlesTheBuyer()
    {
        var buyer = await BuyerNode();

        var bought = await Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(Uri(buyer), "5000", null, false, false, null));

        var order = bought.Order;
        Assert.Equal(OrderStatus.WaitingForBuyerPayment, order.Status);
        Assert.Matches("^[0-9a-f]{32}$", bought.SessionKey);
        Assert.True(order.IsHouse);
        Assert.Equal(9_800_000, order.SizeSat);
        Assert.Equal(1_000 + 49_000, order.BuyerAmountSat);
        Assert.NotNull(order.BuyerInvoice);

        await Simnet.PayFromExternal(order.BuyerInvoice!);
        order = await WaitFor(order.Id, OrderStatus.WaitingForOnChainConfirmation);
        Assert.Equal(OrderPaymentStatus.SuccessfulPayment, order.PaymentStatus);
        Assert.NotNull(order.ChannelPoint);
        Assert.Equal(InvoiceState.Accepted, (await House.LookupInvoice(order.PaymentHash!))!.State);

        await Simnet.Mine(3);
        order = await WaitFor(order.Id, OrderStatus.ValidChannelOpening);
        await Eventually(async () => (await Order(order.Id)).EscrowSettledAt is not null);
        Assert.Equal(InvoiceState.Settled, (await House.LookupInvoice(order.PaymentHash!))!.State);
        var channel = Assert.Single(await buyer.ListChannels());
        Assert.Equal(9_800_000, channel.CapacitySat);
        Assert.Equal(House.Pubkey, channel.RemotePubkey);

        await Simnet.Mine(20);
        order = await WaitFor(order.Id, OrderStatus.ChannelMonitoringFinished);
        Assert.NotNull(order.FinishedAt);
        var trail = (await Get<OrderQueries>().Events(order.Id)).Where(e => e.FromStatus != e.ToStatus).Select(e => e.ToStatus).ToList();
        Assert.Equal(
        [
            OrderStatus.WaitingForSellerApproval, OrderStatus.WaitingForBuyerPayment, OrderStatus.WaitingForChannelOpen,
            OrderStatus.SellerSentTransaction, OrderStatus.WaitingForOnChainConfirmation, OrderStatus.OnChainConfirmation,
            OrderStatus.SellerOpenedChannel, OrderStatus.ValidChannelOpening, OrderStatus.ChannelMonitoringFinished,
        ], trail);
    }
}
