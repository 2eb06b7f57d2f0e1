using Magma.Lightning;
using Magma.Market.Orders;
using Magma.Payments.Data;

namespace Magma.Market.Tests.Orders;

public sealed class MarketplaceOrderLifecycleTests : MarketHarness
{
    [Fact]
    public async Task ASellerWithItsOwnNodeIsPaidOnlyAfterTheChannelIsValid()
    {
        var deal = await MarketplaceOrder();
        var order = await Order(deal.OrderId);
        Assert.Equal(OrderStatus.WaitingForSellerApproval, order.Status);
        Assert.Null(order.BuyerInvoice);
        Assert.Equal((5_000_000, 5_100, 102, 5_202), (order.SizeSat, order.SellerFeeSat, order.PlatformFeeSat, order.BuyerAmountSat));
        var ledgerBefore = await PlatformLedger();

        order = await Accept(deal);
        Assert.Equal(OrderStatus.WaitingForBuyerPayment, order.Status);
        var buyerInvoice = Lightning.Bolt11.Bolt11Decoder.Decode(order.BuyerInvoice!).Invoice!;
        Assert.Equal(deal.SellerInvoiceHash, buyerInvoice.PaymentHash);
        Assert.Equal(order.BuyerAmountSat * 1000, buyerInvoice.AmountMsat);
        Assert.Equal(House.Pubkey, buyerInvoice.Payee);

        var payment = await PayFromBuyerNode(deal);
        await OpenAndReport(deal);
        order = await WaitFor(deal.OrderId, OrderStatus.WaitingForOnChainConfirmation);
        Assert.Equal(InvoiceState.Open, (await NodeOf(deal.SellerPubkey).LookupInvoice(deal.SellerInvoiceHash!))!.State);
        Assert.Equal(InvoiceState.Accepted, await HoldState(deal.OrderId));

        await Simnet.Mine(2);
        await Eventually(async () => (await Order(deal.OrderId)).FundingConfirmations == 2);
        Assert.Equal(InvoiceState.Open, (await NodeOf(deal.SellerPubkey).LookupInvoice(deal.SellerInvoiceHash!))!.State);

        await Simnet.Mine();
        order = await WaitFor(deal.OrderId, OrderStatus.ValidChannelOpening);
        await Eventually(async () => (await Order(deal.OrderId)).EscrowSettledAt is not null);

        // The seller's own invoice is paid, which released the preimage that settled the buyer's HTLC.
        Assert.Equal(InvoiceState.Settled, (await NodeOf(deal.SellerPubkey).LookupInvoice(deal.SellerInvoiceHash!))!.State);
        Assert.Equal(InvoiceState.Settled, await HoldState(deal.OrderId));
        var paid = await payment;
        Assert.Equal(PayOutcome.Succeeded, paid.Outcome);
        Assert.Equal(OrderPaymentStatus.SuccessfulPayment, (await Order(deal.OrderId)).PaymentStatus);
        var channel = Assert.Single(await NodeOf(deal.BuyerPubkey).ListChannels());
        Assert.Equal((deal.SellerPubkey, order.SizeSat, 0L), (channel.RemotePubkey, channel.CapacitySat, channel.LocalBalanceSat));

        // The platform wallet took the buyer's amount and paid the seller's amount plus the routing fee: it keeps its fee.
        var payout = Assert.Single(await Payouts(deal.OrderId));
        Assert.Equal(TransactionStatus.Completed, payout.Status);
        var ledger = await PlatformLedger();
        Assert.Equal(order.BuyerAmountSat * 1000, ledger.GetValueOrDefault(LedgerEntryKind.Credit) - ledgerBefore.GetValueOrDefault(LedgerEntryKind.Credit));
        Assert.Equal(-(order.SellerFeeSat * 1000 + payout.FeeMsat), ledger.GetValueOrDefault(LedgerEntryKind.Debit) - ledgerBefore.GetValueOrDefault(LedgerEntryKind.Debit));
        Assert.True(payout.FeeMsat > 0);
        Assert.Equal(order.PlatformFeeSat * 1000 - payout.FeeMsat, ledger.Values.Sum() - ledgerBefore.Values.Sum());

        await MineTo(order.MonitoringEndHeight!.Value);
        order = await WaitFor(deal.OrderId, OrderStatus.ChannelMonitoringFinished);
        Assert.Null(order.ClosedBlocksBeforeMin);
        Assert.Equal(0, order.FeeAboveCapSeconds);
    }
}
