using Magma.Lightning;
using Magma.Market.Accounts;
using Magma.Market.Offers;
using Magma.Market.Orders;
using Magma.Market.Escrow;

namespace Magma.Market.Tests.Orders;

public sealed class MarketplaceOrderLifecycleTests : MarketHarness
{
    [Fact]
    public async Task ASellerWithItsOwnNodeIsPaidOnlyAfterTheChannelIsValid()
    {
        await Get<OfferService>().Toggle(MarketCaller.AdminCaller, Get<HouseSeller>().OfferId);
        var (sellerNode, seller, offer) = await Seller();
        var buyer = await BuyerNode();

        var bought = await Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(Uri(buyer), "5000", null, false, false, null));
        var order = bought.Order;
        Assert.Equal(OrderStatus.WaitingForSellerApproval, order.Status);
        Assert.Equal(offer.Id, order.OfferId);
        Assert.Null(order.BuyerInvoice);

        var sellerInvoice = await sellerNode.CreateInvoice(new CreateInvoiceParams(order.SellerFeeSat * 1000, Expiry: TimeSpan.FromHours(72)));
        await Get<SellerOperations>().Accept(seller, order.Id, sellerInvoice.PaymentRequest);
        order = await Order(order.Id);
        Assert.Equal(OrderStatus.WaitingForBuyerPayment, order.Status);
        Assert.Equal(sellerInvoice.PaymentHash, Lightning.Bolt11.Bolt11Decoder.Decode(order.BuyerInvoice!).Invoice!.PaymentHash);
        Assert.Equal((order.SellerFeeSat + order.PlatformFeeSat) * 1000, Lightning.Bolt11.Bolt11Decoder.Decode(order.BuyerInvoice!).Invoice!.AmountMsat);

        await Simnet.PayFromExternal(order.BuyerInvoice!);
        await WaitFor(order.Id, OrderStatus.WaitingForChannelOpen);

        await sellerNode.ConnectPeer(new NodeUri(buyer.Pubkey, "127.0.0.1", 9735));
        var opened = await sellerNode.OpenChannel(new OpenChannelParams(buyer.Pubkey, order.SizeSat));
        await Get<SellerOperations>().AddTransaction(seller, order.Id, opened.FundingOutpoint.ToString());
        order = await WaitFor(order.Id, OrderStatus.WaitingForOnChainConfirmation);
        Assert.Equal(InvoiceState.Open, (await sellerNode.LookupInvoice(sellerInvoice.PaymentHash))!.State);

        await Simnet.Mine(3);
        order = await WaitFor(order.Id, OrderStatus.ValidChannelOpening);
        await Eventually(async () => (await Order(order.Id)).EscrowSettledAt is not null);
        Assert.Equal(InvoiceState.Settled, (await sellerNode.LookupInvoice(sellerInvoice.PaymentHash))!.State);
        Assert.Equal(InvoiceState.Settled, (await House.LookupInvoice(sellerInvoice.PaymentHash))!.State);

        await Simnet.Mine(144);
        await WaitFor(order.Id, OrderStatus.ChannelMonitoringFinished);
    }
}
