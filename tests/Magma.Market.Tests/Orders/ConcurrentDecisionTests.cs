using Magma.Lightning;
using Magma.Market.Accounts;
using Magma.Market.Data;
using Magma.Market.Orders;
using Magma.Payments.Errors;

namespace Magma.Market.Tests.Orders;

/// <summary>
/// Accept racing reject (or the buyer's cancel) on one order: accept and reject have exactly one winner, the loser
/// gets <c>invalid-order-state</c>, and whenever the order ends refused no buyer invoice is left payable.
/// </summary>
public sealed class ConcurrentDecisionTests : MarketHarness
{
    private const int Rounds = 12;

    [Fact]
    public async Task AcceptAndRejectAtOnceHaveExactlyOneWinner()
    {
        var (seller, offer, buyer, uri) = await Market();
        for (var round = 0; round < Rounds; round++)
        {
            var (order, invoice) = await OrderWithSellerInvoice(seller, offer, buyer, uri);

            var (accepted, rejected) = await Race(
                () => Get<SellerOperations>().Accept(seller.Caller, order.Id, invoice.PaymentRequest),
                () => Get<SellerOperations>().Reject(seller.Caller, order.Id));

            await AssertOneWinner(order.Id, invoice.PaymentHash, accepted, rejected);
        }
    }

    [Fact]
    public async Task AcceptAndTheBuyersCancelAtOnceAlwaysEndCancelledWithNothingPayable()
    {
        // The buyer may cancel before and after the acceptance, so the cancel always succeeds; the acceptance either
        // came first (and its invoice is then voided) or lost with invalid-order-state.
        var (seller, offer, buyer, uri) = await Market();
        for (var round = 0; round < Rounds; round++)
        {
            var (order, invoice) = await OrderWithSellerInvoice(seller, offer, buyer, uri);

            var (accepted, cancelled) = await Race(
                () => Get<SellerOperations>().Accept(seller.Caller, order.Id, invoice.PaymentRequest),
                () => Get<BuyerAndAdminOperations>().Cancel(buyer, order.Id));

            Assert.Null(cancelled);
            Assert.True(accepted is null || accepted.Error.Code == "invalid-order-state", accepted?.Message);
            Assert.Equal(OrderStatus.BuyerRejected, (await Order(order.Id)).Status);
            var hold = await House.LookupInvoice(invoice.PaymentHash);
            Assert.True(hold is null || hold.State == InvoiceState.Canceled, $"a {hold?.State} buyer invoice was left behind");
        }
    }

    [Fact]
    public async Task ABuyerCancelLandingWhileTheAcceptanceIssuesTheInvoiceLeavesNothingPayable()
    {
        var deal = await MarketplaceOrder();
        var order = await Order(deal.OrderId);
        var invoice = await NodeOf(deal.SellerPubkey).CreateInvoice(new CreateInvoiceParams(order.SellerFeeSat * 1000, Expiry: TimeSpan.FromHours(72)));
        // The acceptance has claimed the order; the buyer cancels just before the engine's node makes the hold invoice.
        EngineNode.Before(nameof(ILightningNode.CreateHoldInvoice), _ => true, () => Get<BuyerAndAdminOperations>().Cancel(deal.Buyer, deal.OrderId));

        await Refusal.Expect("invalid-order-state", () => Get<SellerOperations>().Accept(deal.Seller, deal.OrderId, invoice.PaymentRequest));

        Assert.Equal(OrderStatus.BuyerRejected, (await Order(deal.OrderId)).Status);
        Assert.Equal(InvoiceState.Canceled, (await House.LookupInvoice(invoice.PaymentHash))!.State);
    }

    private async Task<((Lightning.Simnet.SimnetNode Node, MarketCaller Caller) Seller, Offer Offer, MarketCaller Buyer, string Uri)> Market()
    {
        var (node, caller, offer) = await Seller();
        var (account, _) = await Get<AccountService>().Create(MarketCaller.AdminCaller, "racing buyer");
        return ((node, caller), offer, new MarketCaller.Account(account.Id, AccountKeyKind.Api), Uri(await BuyerNode()));
    }

    private async Task<(Order Order, CreatedInvoice Invoice)> OrderWithSellerInvoice(
        (Lightning.Simnet.SimnetNode Node, MarketCaller Caller) seller, Offer offer, MarketCaller buyer, string uri)
    {
        var order = (await Get<OrderPlacement>().FromOffer(buyer, offer.Id, "100000", uri, false)).Order;
        var invoice = await seller.Node.CreateInvoice(new CreateInvoiceParams(order.SellerFeeSat * 1000, Expiry: TimeSpan.FromHours(72)));
        return (order, invoice);
    }

    /// <summary>Starts both operations together; each result is null on success or the refusal.</summary>
    private static async Task<(MagmaException? First, MagmaException? Second)> Race(Func<Task> first, Func<Task> second)
    {
        using var start = new Barrier(2);
        async Task<MagmaException?> Run(Func<Task> operation)
        {
            start.SignalAndWait();
            try
            {
                await operation();
                return null;
            }
            catch (MagmaException ex)
            {
                return ex;
            }
        }
        var results = await Task.WhenAll(Task.Run(() => Run(first)), Task.Run(() => Run(second)));
        return (results[0], results[1]);
    }

    private async Task AssertOneWinner(string orderId, string hash, MagmaException? accepted, MagmaException? rejected)
    {
        Assert.True((accepted is null) != (rejected is null), $"exactly one must win (accept: {accepted?.Message}; reject: {rejected?.Message})");
        Assert.Equal("invalid-order-state", (accepted ?? rejected)!.Error.Code);
        var order = await Order(orderId);
        var hold = await House.LookupInvoice(hash);
        if (accepted is null)
        {
            Assert.Equal(OrderStatus.WaitingForBuyerPayment, order.Status);
            Assert.Equal(InvoiceState.Open, hold!.State);
            Assert.NotNull(order.BuyerInvoice);
        }
        else
        {
            Assert.Equal(OrderStatus.SellerRejected, order.Status);
            Assert.Null(order.BuyerInvoice);
            Assert.True(hold is null || hold.State == InvoiceState.Canceled, $"the losing acceptance left a {hold?.State} buyer invoice");
        }
        Assert.Equal(1, (await Trail(orderId)).Count(s => s != OrderStatus.WaitingForSellerApproval));
    }
}
