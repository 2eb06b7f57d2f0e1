using Magma.Lightning;
using Magma.Market.Accounts;
using Magma.Market.Orders;
using Magma.Payments.Data;
using Magma.Payments.Transactions;

namespace Magma.Market.Tests.Orders;

/// <summary>
/// VALID_CHANNEL_OPENING with the payout not finished: the seller's payment and the buyer's settlement are two
/// steps, and a restart between them (or a failed payout) must end with the seller paid once and the buyer settled,
/// or, when the seller cannot be paid, with the HTLC cancelled at its deadline.
/// </summary>
public sealed class PayoutRecoveryTests : MarketHarness
{
    [Fact]
    public async Task APayoutTheNodeMadeButTheEngineNeverHeardOfIsFoundAfterTheRestartAndTheBuyerSettles()
    {
        var deal = await PaidAndOpened();
        EngineNode.FailOnce(nameof(ILightningNode.Pay), _ => true, afterCall: true);

        await Simnet.Mine(3);
        await WaitFor(deal.OrderId, OrderStatus.ValidChannelOpening);
        await Eventually(async () => (await Order(deal.OrderId)).PayoutTransactionId is not null);
        Assert.Equal(InvoiceState.Settled, await SellerInvoiceState(deal));
        Assert.Equal(InvoiceState.Accepted, await HoldState(deal.OrderId));

        await Restart();
        await Sweep();
        Assert.Null((await Order(deal.OrderId)).EscrowSettledAt);
        // The payments core's tracker asks the node about the stale send and learns it succeeded.
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Get<TransactionReconciler>().Sweep();
        await Sweep();

        await AssertSettledWithOnePayout(deal);
    }

    [Fact]
    public async Task AnInterruptedSettlementAfterThePayoutIsFinishedAfterTheRestartWithoutPayingTheSellerTwice()
    {
        var deal = await PaidAndOpened();
        EngineNode.FailOnce(nameof(ILightningNode.SettleInvoice), _ => true);

        await Simnet.Mine(3);
        await WaitFor(deal.OrderId, OrderStatus.ValidChannelOpening);
        await Eventually(async () => await SellerInvoiceState(deal) == InvoiceState.Settled);
        Assert.Equal(InvoiceState.Accepted, await HoldState(deal.OrderId));

        await Restart();
        await Sweep();

        await AssertSettledWithOnePayout(deal);
    }

    [Fact]
    public async Task ASellerInvoiceThatExpiredBeforeThePayoutLeavesTheHtlcToBeCancelledAtItsDeadline()
    {
        var deal = await PaidAndOpened();
        Clock.Advance(TimeSpan.FromHours(73));

        await Simnet.Mine(3);
        await WaitFor(deal.OrderId, OrderStatus.ValidChannelOpening);
        await Eventually(async () => (await Order(deal.OrderId)).PaymentStatus == OrderPaymentStatus.SellerInvoiceExpired);
        Assert.Equal(InvoiceState.Accepted, await HoldState(deal.OrderId));

        await MineTo((await Order(deal.OrderId)).HtlcDeadlineHeight!.Value);
        await Eventually(async () => (await Order(deal.OrderId)).EscrowCancelledAt is not null);

        var order = await Order(deal.OrderId);
        Assert.Equal(OrderPaymentStatus.HodlInvoiceTimeout, order.PaymentStatus);
        Assert.Equal(InvoiceState.Canceled, await HoldState(deal.OrderId));
        Assert.Equal(InvoiceState.Open, await SellerInvoiceState(deal));
        // The window ended while the escrow was open; with the escrow resolved, the next block finishes monitoring.
        Assert.True(await Simnet.Height() >= order.MonitoringEndHeight);
        await Simnet.Mine();
        await WaitFor(deal.OrderId, OrderStatus.ChannelMonitoringFinished);
    }

    [Fact]
    public async Task FailedPayoutsAreRetriedWithABackoffNotOnEverySweep()
    {
        var deal = await FirstPayoutFailed();
        var first = await Order(deal.OrderId);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(30), first.PayoutRetryAt);

        await Sweep();
        Assert.Equal(1, (await Order(deal.OrderId)).PayoutAttempts);

        Clock.Advance(TimeSpan.FromSeconds(31));
        await Sweep();
        var second = await Order(deal.OrderId);
        Assert.Equal(2, second.PayoutAttempts);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(60), second.PayoutRetryAt);
        Assert.Equal(TimeSpan.FromMinutes(10), Magma.Market.Escrow.EscrowService.PayoutBackoff(30));
    }

    [Fact]
    public async Task TheBuyerReadsAFailedPayoutInNeutralWordsWhileTheSellerAndOperatorsReadItsError()
    {
        var deal = await FirstPayoutFailed();
        var order = await Order(deal.OrderId);
        var queries = Get<OrderQueries>();

        var buyer = await queries.Timeline(deal.Buyer, order);
        var seller = await queries.Timeline(deal.Seller, order);
        var admin = await queries.Timeline(MarketCaller.AdminCaller, order);

        var buyerSees = Assert.Single(buyer, e => e.Trigger == "payout.failed");
        Assert.Equal("Seller payout failed (attempt 1); retrying in 30 s, until the HTLC deadline.", buyerSees.Message);
        Assert.Null(buyerSees.SellerDetail);
        Assert.DoesNotContain(buyer, e => e.Message.Contains("expired", StringComparison.OrdinalIgnoreCase) || e.Details?.Contains("expired") == true);
        Assert.Equal("Invoice has already expired", Assert.Single(seller, e => e.Trigger == "payout.failed").SellerDetail);
        Assert.Equal("Invoice has already expired", Assert.Single(admin, e => e.Trigger == "payout.failed").SellerDetail);
        Assert.Equal(buyerSees.Message, Assert.Single(seller, e => e.Trigger == "payout.failed").Message);
    }

    [Fact]
    public async Task CloseToTheHtlcDeadlineAFailedPayoutIsRetriedOnEverySweep()
    {
        var deal = await FirstPayoutFailed();
        await Sweep();
        Assert.Equal(1, (await Order(deal.OrderId)).PayoutAttempts);

        // The clock stands still, so only the nearness of the deadline can bring the retry forward.
        var tip = await Simnet.Height();
        await Get<OrderTransitions>().Change(deal.OrderId, (_, o) =>
        {
            o.HtlcDeadlineHeight = tip + Magma.Market.Escrow.EscrowSweep.PayoutUrgentBlocks;
            return Task.CompletedTask;
        });
        await Sweep();

        Assert.Equal(2, (await Order(deal.OrderId)).PayoutAttempts);
    }

    private async Task<Deal> PaidAndOpened()
    {
        var deal = await MarketplaceOrder();
        await Accept(deal);
        await PayFromWallet(deal.OrderId);
        await OpenAndReport(deal);
        return deal;
    }

    /// <summary>An opened channel whose seller invoice expired first, so the first payout attempt has failed.</summary>
    private async Task<Deal> FirstPayoutFailed()
    {
        var deal = await PaidAndOpened();
        Clock.Advance(TimeSpan.FromHours(73));
        await Simnet.Mine(3);
        await Eventually(async () => (await Order(deal.OrderId)).PayoutAttempts == 1);
        return deal;
    }

    private async Task<InvoiceState?> SellerInvoiceState(Deal deal) =>
        (await NodeOf(deal.SellerPubkey).LookupInvoice(deal.SellerInvoiceHash!))?.State;

    private async Task AssertSettledWithOnePayout(Deal deal)
    {
        var order = await Order(deal.OrderId);
        Assert.NotNull(order.EscrowSettledAt);
        Assert.Equal(OrderPaymentStatus.SuccessfulPayment, order.PaymentStatus);
        Assert.Equal(InvoiceState.Settled, await HoldState(deal.OrderId));
        var payout = Assert.Single(await Payouts(deal.OrderId));
        Assert.Equal(TransactionStatus.Completed, payout.Status);
        Assert.Equal(-(order.SellerFeeSat * 1000 + payout.FeeMsat), (await PlatformLedger())[LedgerEntryKind.Debit]);
        await MineTo(order.MonitoringEndHeight!.Value);
        await WaitFor(deal.OrderId, OrderStatus.ChannelMonitoringFinished);
    }
}
