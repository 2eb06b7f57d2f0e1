using Magma.Lightning;
using Magma.Market.Orders;
using Magma.Payments.Data;

namespace Magma.Market.Tests.Orders;

public sealed class HouseOrderLifecycleTests : MarketHarness
{
    [Fact]
    public async Task AHouseOrderRunsFromPaymentToMonitoringFinishedAndSettlesTheBuyer()
    {
        var buyer = await BuyerNode();
        var ledgerBefore = await PlatformLedger();

        var bought = await Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(Uri(buyer), "5000", null, false, false, null));

        var order = bought.Order;
        Assert.Equal(OrderStatus.WaitingForBuyerPayment, order.Status);
        Assert.Matches("^[0-9a-f]{32}$", bought.SessionKey);
        Assert.True(order.IsHouse);
        Assert.Equal(9_800_000, order.SizeSat);
        Assert.Equal(1_000 + 49_000, order.BuyerAmountSat);
        Assert.Equal(0, order.PlatformFeeSat);
        Assert.NotNull(order.BuyerInvoice);

        var payment = buyer.Pay(new PayInvoiceParams(order.BuyerInvoice!, 100_000, TimeSpan.FromDays(30)));
        order = await WaitFor(order.Id, OrderStatus.WaitingForOnChainConfirmation);
        Assert.Equal(OrderPaymentStatus.SuccessfulPayment, order.PaymentStatus);
        Assert.NotNull(order.ChannelPoint);
        // A marketplace house order settles after validation, not at the funding broadcast.
        Assert.Equal(InvoiceState.Accepted, (await House.LookupInvoice(order.PaymentHash!))!.State);

        await Simnet.Mine(3);
        order = await WaitFor(order.Id, OrderStatus.ValidChannelOpening);
        await Eventually(async () => (await Order(order.Id)).EscrowSettledAt is not null);
        Assert.Equal(InvoiceState.Settled, (await House.LookupInvoice(order.PaymentHash!))!.State);
        Assert.Equal(PayOutcome.Succeeded, (await payment).Outcome);
        var channel = Assert.Single(await buyer.ListChannels());
        Assert.Equal(9_800_000, channel.CapacitySat);
        Assert.Equal(House.Pubkey, channel.RemotePubkey);
        Assert.False(channel.Initiator);

        // The house is the seller: the platform wallet keeps the whole buyer amount and pays nobody.
        var ledger = await PlatformLedger();
        Assert.Equal(order.BuyerAmountSat * 1000, ledger.Values.Sum() - ledgerBefore.Values.Sum());
        Assert.False(ledger.ContainsKey(LedgerEntryKind.Debit));
        Assert.Null((await Order(order.Id)).PayoutTransactionId);

        await Simnet.Mine(20);
        order = await WaitFor(order.Id, OrderStatus.ChannelMonitoringFinished);
        Assert.NotNull(order.FinishedAt);
        Assert.Equal(
        [
            OrderStatus.WaitingForSellerApproval, OrderStatus.WaitingForBuyerPayment, OrderStatus.WaitingForChannelOpen,
            OrderStatus.SellerSentTransaction, OrderStatus.WaitingForOnChainConfirmation, OrderStatus.OnChainConfirmation,
            OrderStatus.SellerOpenedChannel, OrderStatus.ValidChannelOpening, OrderStatus.ChannelMonitoringFinished,
        ], await Trail(order.Id));
    }
}
