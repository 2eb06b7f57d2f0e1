using System.Security.Cryptography;
using Magma.Lightning;
using Magma.Lightning.Bitcoin;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Crypto;
using Magma.Market.Orders;

namespace Magma.Market.Tests.Orders;

/// <summary>
/// The seller's invoice decides the escrow, so acceptance checks it strictly: the engine's network, the offer's node,
/// exactly the seller amount, at least 48 hours to run, a payment hash no order used. A refusal has a stable code
/// and leaves the order exactly as it was.
/// </summary>
public sealed class SellerAcceptValidationTests : MarketHarness
{
    [Fact]
    public async Task AnInvoiceForAnotherNetworkIsRefused()
    {
        var deal = await MarketplaceOrder();
        var order = await Order(deal.OrderId);
        var mainnet = Bolt11Encoder.Encode(new Bolt11InvoiceDraft
        {
            Network = BitcoinNetwork.Mainnet, AmountMsat = order.SellerFeeSat * 1000, Timestamp = Clock.GetUtcNow(),
            PaymentHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            PaymentSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), Description = "", ExpirySeconds = 72 * 3600,
        }, PrivateKey.Generate());

        await RefusedAndUnchanged(deal, mainnet, "regtest");
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(-1_000)]
    public async Task AnInvoiceForAnyOtherAmountThanTheSellersIsRefused(long offMsat)
    {
        var deal = await MarketplaceOrder();
        var order = await Order(deal.OrderId);
        var invoice = await NodeOf(deal.SellerPubkey).CreateInvoice(new CreateInvoiceParams(order.SellerFeeSat * 1000 + offMsat, Expiry: TimeSpan.FromHours(72)));

        await RefusedAndUnchanged(deal, invoice.PaymentRequest, $"exactly the seller amount, {order.SellerFeeSat} sats");
    }

    [Fact]
    public async Task AnInvoiceWithoutAnAmountIsRefused()
    {
        var deal = await MarketplaceOrder();
        var invoice = await NodeOf(deal.SellerPubkey).CreateInvoice(new CreateInvoiceParams(0, Expiry: TimeSpan.FromHours(72)));

        await RefusedAndUnchanged(deal, invoice.PaymentRequest, "exactly the seller amount");
    }

    [Fact]
    public async Task AnInvoiceExpiringInLessThan48HoursIsRefusedAnd48HoursIsEnough()
    {
        var deal = await MarketplaceOrder();
        var order = await Order(deal.OrderId);
        var seller = NodeOf(deal.SellerPubkey);
        var short47 = await seller.CreateInvoice(new CreateInvoiceParams(order.SellerFeeSat * 1000, Expiry: TimeSpan.FromHours(48) - TimeSpan.FromSeconds(1)));

        await RefusedAndUnchanged(deal, short47.PaymentRequest, "at least 48 hours");

        var exactly48 = await seller.CreateInvoice(new CreateInvoiceParams(order.SellerFeeSat * 1000, Expiry: TimeSpan.FromHours(48)));
        await Get<SellerOperations>().Accept(deal.Seller, deal.OrderId, exactly48.PaymentRequest);
        Assert.Equal(OrderStatus.WaitingForBuyerPayment, (await Order(deal.OrderId)).Status);
    }

    [Fact]
    public async Task AnInvoiceFromAnotherNodeThanTheOffersIsRefused()
    {
        var deal = await MarketplaceOrder();
        var order = await Order(deal.OrderId);
        var other = await Simnet.CreateNode("someone else");
        var invoice = await other.CreateInvoice(new CreateInvoiceParams(order.SellerFeeSat * 1000, Expiry: TimeSpan.FromHours(72)));

        await RefusedAndUnchanged(deal, invoice.PaymentRequest, "issued by the offer's node");
    }

    [Theory]
    [InlineData("")]
    [InlineData("lnbcrt1garbage")]
    [InlineData(null)]
    public async Task SomethingThatIsNotAnInvoiceIsRefused(string? paymentRequest)
    {
        var deal = await MarketplaceOrder();

        await RefusedAndUnchanged(deal, paymentRequest, "does not decode");
    }

    [Fact]
    public async Task APaymentHashAnotherOrderAlreadyEscrowsIsRefused()
    {
        var first = await MarketplaceOrder();
        var second = await AnotherOrder(first);
        var accepted = await Accept(first);
        Assert.Equal(accepted.SellerFeeSat, (await Order(second.OrderId)).SellerFeeSat);

        var error = await Refusal.Expect("payment-hash-in-use", () => Get<SellerOperations>().Accept(second.Seller, second.OrderId, accepted.SellerInvoice));

        Assert.Equal("payment_request", error.Property);
        await AssertUntouched(second);
        Assert.Equal(OrderStatus.WaitingForBuyerPayment, (await Order(first.OrderId)).Status);
        Assert.Equal(InvoiceState.Open, await HoldState(first.OrderId));
    }

    [Fact]
    public async Task AnotherSellerCannotAcceptTheOrder()
    {
        var deal = await MarketplaceOrder();
        var order = await Order(deal.OrderId);
        var (_, intruder, _) = await Seller(alias: "intruder");
        var invoice = await NodeOf(deal.SellerPubkey).CreateInvoice(new CreateInvoiceParams(order.SellerFeeSat * 1000, Expiry: TimeSpan.FromHours(72)));

        await Refusal.Expect("order-not-found", () => Get<SellerOperations>().Accept(intruder, deal.OrderId, invoice.PaymentRequest));
        await Refusal.Expect("order-not-found", () => Get<SellerOperations>().Reject(deal.Buyer, deal.OrderId));

        await AssertUntouched(deal);
    }

    [Fact]
    public async Task ANodeFailureWhileIssuingTheBuyersInvoiceLeavesTheOrderOpenForAnotherAcceptance()
    {
        var deal = await MarketplaceOrder();
        var order = await Order(deal.OrderId);
        var invoice = await NodeOf(deal.SellerPubkey).CreateInvoice(new CreateInvoiceParams(order.SellerFeeSat * 1000, Expiry: TimeSpan.FromHours(72)));
        EngineNode.FailOnce(nameof(ILightningNode.CreateHoldInvoice), _ => true);

        await Refusal.Expect("lightning-node-unavailable", () => Get<SellerOperations>().Accept(deal.Seller, deal.OrderId, invoice.PaymentRequest));
        await AssertUntouched(deal);

        await Get<SellerOperations>().Accept(deal.Seller, deal.OrderId, invoice.PaymentRequest);
        Assert.Equal(OrderStatus.WaitingForBuyerPayment, (await Order(deal.OrderId)).Status);
        Assert.Equal(InvoiceState.Open, await HoldState(deal.OrderId));
    }

    private async Task RefusedAndUnchanged(Deal deal, string? paymentRequest, string because)
    {
        var error = await Refusal.Expect("invalid-seller-invoice", () => Get<SellerOperations>().Accept(deal.Seller, deal.OrderId, paymentRequest));
        Assert.Contains(because, error.Message);
        Assert.Equal("payment_request", error.Property);
        await AssertUntouched(deal);
    }

    private async Task AssertUntouched(Deal deal)
    {
        var order = await Order(deal.OrderId);
        Assert.Equal(OrderStatus.WaitingForSellerApproval, order.Status);
        Assert.Null(order.PaymentHash);
        Assert.Null(order.SellerInvoice);
        Assert.Null(order.BuyerInvoice);
        Assert.Single(await Events(deal.OrderId));
    }
}
