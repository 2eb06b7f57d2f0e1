using Magma.Lightning;
using Magma.Market.Accounts;
using Magma.Market.Orders;

namespace Magma.Market.Tests.Orders;

/// <summary>
/// Every operation is one conditional transition: asked in a status that does not permit it, it fails with
/// <c>invalid-order-state</c> and writes nothing, and a malformed funding outpoint is refused before anything else.
/// </summary>
public sealed class WrongStateOperationTests : MarketHarness
{
    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("not-a-txid:0")]
    [InlineData("aaaa:0")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:x")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:-1")]
    [InlineData("gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg:0")]
    public async Task AMalformedFundingOutpointIsRefused(string? txId)
    {
        var deal = await MarketplaceOrder();
        await Accept(deal);
        await PayFromWallet(deal.OrderId);

        var error = await Unchanged(deal, "invalid-transaction-id", () => Get<SellerOperations>().AddTransaction(deal.Seller, deal.OrderId, txId));

        Assert.Equal("tx_id", error.Property);
        Assert.Null((await Order(deal.OrderId)).ChannelPoint);
    }

    [Fact]
    public async Task SellerOperationsOutOfTurnAreRefused()
    {
        var deal = await MarketplaceOrder();
        var seller = Get<SellerOperations>();
        var outpoint = new string('a', 64) + ":0";

        await Unchanged(deal, "invalid-order-state", () => seller.AddTransaction(deal.Seller, deal.OrderId, outpoint));

        var accepted = await Accept(deal);
        await Unchanged(deal, "invalid-order-state", () => Accept(deal));
        await Unchanged(deal, "invalid-order-state", () => seller.Reject(deal.Seller, deal.OrderId));
        await Unchanged(deal, "invalid-order-state", () => seller.AddTransaction(deal.Seller, deal.OrderId, outpoint));
        Assert.Equal(accepted.BuyerInvoice, (await Order(deal.OrderId)).BuyerInvoice);
        Assert.Equal(InvoiceState.Open, await HoldState(deal.OrderId));

        await PayFromWallet(deal.OrderId);
        var point = await OpenAndReport(deal);
        await Unchanged(deal, "invalid-order-state", () => seller.AddTransaction(deal.Seller, deal.OrderId, outpoint));
        Assert.Equal(point.ToString(), (await Order(deal.OrderId)).ChannelPoint);
    }

    [Fact]
    public async Task ABuyerCannotCancelOnceItsPaymentIsHeld()
    {
        var deal = await MarketplaceOrder();
        await Accept(deal);
        await PayFromWallet(deal.OrderId);

        await Unchanged(deal, "invalid-order-state", () => Get<BuyerAndAdminOperations>().Cancel(deal.Buyer, deal.OrderId));

        Assert.Equal(InvoiceState.Accepted, await HoldState(deal.OrderId));
        Assert.Null((await Order(deal.OrderId)).EscrowCancelledAt);
    }

    [Fact]
    public async Task ATerminalOrderTakesNoFurtherOperation()
    {
        var deal = await MarketplaceOrder();
        await Get<SellerOperations>().Reject(deal.Seller, deal.OrderId);
        var invoice = await NodeOf(deal.SellerPubkey).CreateInvoice(new CreateInvoiceParams((await Order(deal.OrderId)).SellerFeeSat * 1000, Expiry: TimeSpan.FromHours(72)));

        await Unchanged(deal, "invalid-order-state", () => Get<SellerOperations>().Accept(deal.Seller, deal.OrderId, invoice.PaymentRequest));
        await Unchanged(deal, "invalid-order-state", () => Get<SellerOperations>().Reject(deal.Seller, deal.OrderId));
        await Unchanged(deal, "invalid-order-state", () => Get<BuyerAndAdminOperations>().Cancel(deal.Buyer, deal.OrderId));
        await Unchanged(deal, "invalid-order-state", () => Get<BuyerAndAdminOperations>().Close(MarketCaller.AdminCaller, deal.OrderId, "late"));

        Assert.Equal(OrderStatus.SellerRejected, (await Order(deal.OrderId)).Status);
        Assert.Null(await House.LookupInvoice(invoice.PaymentHash));
    }

    [Fact]
    public async Task AFinishedOrderCannotBeClosedByTheAdmin()
    {
        var deal = await MarketplaceOrder();
        await CompleteMarketplaceOrder(deal);

        await Unchanged(deal, "invalid-order-state", () => Get<BuyerAndAdminOperations>().Close(MarketCaller.AdminCaller, deal.OrderId, null));

        Assert.Equal(InvoiceState.Settled, await HoldState(deal.OrderId));
    }

    [Fact]
    public async Task AnUnknownOrderIsNotFound()
    {
        var deal = await MarketplaceOrder();

        await Refusal.Expect("order-not-found", () => Get<SellerOperations>().Reject(deal.Seller, Guid.NewGuid().ToString()));
        await Refusal.Expect("order-not-found", () => Get<BuyerAndAdminOperations>().Close(MarketCaller.AdminCaller, Guid.NewGuid().ToString(), null));
    }

    /// <summary>The operation fails with the code, and the order's status, payment status and timeline stay as they were.</summary>
    private async Task<Payments.Errors.MagmaException> Unchanged(Deal deal, string code, Func<Task> operation)
    {
        var before = await Order(deal.OrderId);
        var events = (await Events(deal.OrderId)).Count;

        var error = await Refusal.Expect(code, operation);

        var after = await Order(deal.OrderId);
        Assert.Equal((before.Status, before.PaymentStatus, before.PaymentHash, before.ChannelPoint, before.UpdatedAt),
            (after.Status, after.PaymentStatus, after.PaymentHash, after.ChannelPoint, after.UpdatedAt));
        Assert.Equal(events, (await Events(deal.OrderId)).Count);
        return error;
    }
}
