using Magma.Lightning;
using Magma.Market.Accounts;
using Magma.Market.Orders;

namespace Magma.Market.Tests.Orders;

/// <summary>
/// Orders that fail after the buyer's HTLC is held: the HTLC is cancelled so the buyer's own node sees its payment
/// fail (the protocol refunds it), the seller is never paid, and the offer's liquidity comes back.
/// </summary>
public sealed class PaidOrderFailureTests : MarketHarness
{
    [Fact]
    public async Task NoChannelByTheOpenDeadlineFailsTheOrderAndFailsTheBuyersPaymentBack()
    {
        var deal = await MarketplaceOrder();
        await Accept(deal);
        var payment = await PayFromBuyerNode(deal);
        var paid = await Order(deal.OrderId);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime + TimeSpan.FromHours(1), paid.ChannelOpenDeadline);

        Clock.Advance(TimeSpan.FromMinutes(59));
        await Sweep();
        Assert.Equal(OrderStatus.WaitingForChannelOpen, (await Order(deal.OrderId)).Status);

        Clock.Advance(TimeSpan.FromMinutes(1));
        await Sweep();

        var order = await Order(deal.OrderId);
        Assert.Equal(OrderStatus.SellerFailedToOpenChannel, order.Status);
        Assert.Equal(OrderPaymentStatus.SuccessfulPayment, order.PaymentStatus);
        await AssertRefunded(deal, payment);
    }

    [Fact]
    public async Task AtTheHtlcDeadlineTheHeldPaymentIsCancelledBeforeTheNodeWouldExpireIt()
    {
        var deal = await MarketplaceOrder();
        await Accept(deal);
        var payment = await PayFromBuyerNode(deal);
        var paid = await Order(deal.OrderId);
        Assert.Equal(paid.HtlcExpiryHeight - 10, paid.HtlcDeadlineHeight);

        await MineTo(paid.HtlcDeadlineHeight!.Value - 1);
        await Sweep();
        Assert.Equal(OrderStatus.WaitingForChannelOpen, (await Order(deal.OrderId)).Status);

        await Simnet.Mine();
        var order = await WaitFor(deal.OrderId, OrderStatus.SellerFailedToOpenChannel);
        await Eventually(async () => (await Order(deal.OrderId)).EscrowCancelledAt is not null);

        Assert.Equal(OrderPaymentStatus.HodlInvoiceTimeout, (await Order(deal.OrderId)).PaymentStatus);
        Assert.True(await Simnet.Height() < order.HtlcExpiryHeight);
        await AssertRefunded(deal, payment);
    }

    [Fact]
    public async Task AFundingTransactionThatNeverAppearsFailsTheOrderAtTheHtlcDeadline()
    {
        var deal = await MarketplaceOrder();
        await Accept(deal);
        var payment = await PayFromBuyerNode(deal);
        var unknownTxid = new string('a', 64);

        await Get<SellerOperations>().AddTransaction(deal.Seller, deal.OrderId, $"{unknownTxid}:0");
        Assert.Equal(OrderStatus.SellerSentTransaction, (await Order(deal.OrderId)).Status);

        await MineTo((await Order(deal.OrderId)).HtlcDeadlineHeight!.Value);
        await WaitFor(deal.OrderId, OrderStatus.SellerFailedToOpenChannel);
        await Eventually(async () => (await Order(deal.OrderId)).EscrowCancelledAt is not null);

        Assert.Equal(OrderPaymentStatus.HodlInvoiceTimeout, (await Order(deal.OrderId)).PaymentStatus);
        await AssertRefunded(deal, payment);
    }

    [Fact]
    public async Task AnAdminClosingAPaidOrderCancelsTheHeldPayment()
    {
        var deal = await MarketplaceOrder();
        await Accept(deal);
        var payment = await PayFromBuyerNode(deal);

        await Get<BuyerAndAdminOperations>().Close(MarketCaller.AdminCaller, deal.OrderId, "seller under investigation");

        var order = await Order(deal.OrderId);
        Assert.Equal(OrderStatus.AdminClosed, order.Status);
        Assert.Equal("seller under investigation", order.FailureReason);
        Assert.Equal(OrderPaymentStatus.SuccessfulPayment, order.PaymentStatus);
        await AssertRefunded(deal, payment);
        Assert.Equal(OrderPaymentStatus.SuccessfulPayment, (await Order(deal.OrderId)).PaymentStatus);
    }

    [Fact]
    public async Task OnlyTheAdminMayCloseAnOrder()
    {
        var deal = await MarketplaceOrder();
        await Accept(deal);

        await Refusal.Expect("forbidden", () => Get<BuyerAndAdminOperations>().Close(deal.Buyer, deal.OrderId, null));
        await Refusal.Expect("forbidden", () => Get<BuyerAndAdminOperations>().Close(deal.Seller, deal.OrderId, null));

        Assert.Equal(OrderStatus.WaitingForBuyerPayment, (await Order(deal.OrderId)).Status);
        Assert.Equal(InvoiceState.Open, await HoldState(deal.OrderId));
    }

    [Fact]
    public async Task AHouseThatCannotReachTheBuyersNodeRetriesUntilTheOpenDeadlineThenRefunds()
    {
        var nowhere = $"{Lightning.Crypto.PrivateKey.Generate().PublicKey.ToHex()}@203.0.113.9:9735";
        var order = (await Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(nowhere, "5000", null, false, false, null))).Order;
        await PayFromWallet(order.Id);
        await Eventually(async () => (await Events(order.Id)).Any(e => e.Trigger == "channel.open_failed"));

        Clock.Advance(TimeSpan.FromMinutes(30));
        await Sweep();
        Assert.Equal(2, (await Events(order.Id)).Count(e => e.Trigger == "channel.open_failed"));
        Clock.Advance(TimeSpan.FromMinutes(30));
        await Sweep();

        order = await Order(order.Id);
        Assert.Equal(OrderStatus.SellerFailedToOpenChannel, order.Status);
        Assert.Equal(InvoiceState.Canceled, await HoldState(order.Id));
        Assert.Empty(await House.ListPendingChannels());
        Assert.Equal(await TotalSize(order.OfferId), await Available(order.OfferId));
    }

    [Fact]
    public async Task TheLegacySwapFailureIsUnreachableFromAnyStatus()
    {
        var transitions = OrderStateMachine.Definition().Describe().ToList();
        var reached = new HashSet<OrderStatus> { OrderStatus.WaitingForSellerApproval };
        var frontier = new Queue<OrderStatus>(reached);
        while (frontier.TryDequeue(out var status))
            foreach (var (_, rule) in transitions.Where(t => t.From == status))
                if (reached.Add(rule.Destination))
                    frontier.Enqueue(rule.Destination);

        Assert.DoesNotContain(OrderStatus.SellerFailedToSendSwap, reached);
        Assert.Equal(Enum.GetValues<OrderStatus>().Length - 1, reached.Count);

        // A live order never gets there either: every failure terminal above is reached by its own trigger.
        var deal = await MarketplaceOrder();
        await Get<SellerOperations>().Reject(deal.Seller, deal.OrderId);
        Assert.DoesNotContain(OrderStatus.SellerFailedToSendSwap, await Trail(deal.OrderId));
    }

    /// <summary>The HTLC is cancelled, the buyer's node saw its payment fail, the seller was not paid, the liquidity is back.</summary>
    private async Task AssertRefunded(Deal deal, Task<PayResult> payment)
    {
        await Eventually(async () => (await Order(deal.OrderId)).EscrowCancelledAt is not null);
        Assert.Equal(InvoiceState.Canceled, await HoldState(deal.OrderId));
        var result = await payment;
        Assert.Equal(PayOutcome.Failed, result.Outcome);
        Assert.Equal(PaymentStatus.Failed, (await NodeOf(deal.BuyerPubkey).GetPayment(deal.SellerInvoiceHash!))!.Status);
        Assert.Equal(InvoiceState.Open, (await NodeOf(deal.SellerPubkey).LookupInvoice(deal.SellerInvoiceHash!))!.State);
        Assert.Null((await Order(deal.OrderId)).PayoutTransactionId);
        Assert.Equal(await TotalSize(deal.OfferId), await Available(deal.OfferId));
    }
}
