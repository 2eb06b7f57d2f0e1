using Magma.Lightning;
using Magma.Lightning.Crypto;
using Magma.Lightning.Simnet;
using Magma.Market.Accounts;
using Magma.Market.Data;
using Magma.Market.Escrow;
using Magma.Market.Offers;
using Magma.Market.Orders;
using Magma.Payments.Data;
using Microsoft.EntityFrameworkCore;

namespace Magma.Market.Tests;

/// <summary>A marketplace order and who is in it, by pubkey, so it survives a <see cref="MarketHarness.Restart"/>.</summary>
public sealed record Deal(string OrderId, string OfferId, MarketCaller Seller, MarketCaller Buyer, PublicKey SellerPubkey, PublicKey BuyerPubkey)
{
    public string? SellerInvoiceHash { get; set; }
}

/// <summary>The steps of an order as its seller, its buyer and the chain take them.</summary>
public partial class MarketHarness
{
    public SimnetNode NodeOf(PublicKey pubkey) => Simnet.Node(pubkey);

    public async Task DisableHouseOffer() => await Get<OfferService>().Toggle(MarketCaller.AdminCaller, Get<HouseSeller>().OfferId);

    /// <summary>A marketplace seller with its own node, and an anonymous buyer's order waiting for the seller's approval.</summary>
    public async Task<Deal> MarketplaceOrder(string usdCents = "5000", bool isPrivate = false)
    {
        await DisableHouseOffer();
        var (sellerNode, seller, offer) = await Seller();
        var buyer = await BuyerNode();
        var bought = await Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(Uri(buyer), usdCents, null, isPrivate, false, null));
        Assert.Equal(offer.Id, bought.Order.OfferId);
        return new Deal(bought.Order.Id, offer.Id, seller, new MarketCaller.Account(bought.AccountId, AccountKeyKind.Session), sellerNode.Pubkey, buyer.Pubkey);
    }

    /// <summary>Another buyer orders from the same seller (the best offer left once the house is disabled).</summary>
    public async Task<Deal> AnotherOrder(Deal first, string usdCents = "5000")
    {
        var buyer = await BuyerNode("another buyer");
        var bought = await Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(Uri(buyer), usdCents, null, false, false, null));
        Assert.Equal(first.OfferId, bought.Order.OfferId);
        return first with { OrderId = bought.Order.Id, Buyer = new MarketCaller.Account(bought.AccountId, AccountKeyKind.Session), BuyerPubkey = buyer.Pubkey, SellerInvoiceHash = null };
    }

    /// <summary>The seller accepts with a fresh invoice from its own node for exactly the seller amount, payable for 72 hours.</summary>
    public async Task<Order> Accept(Deal deal)
    {
        var order = await Order(deal.OrderId);
        var invoice = await NodeOf(deal.SellerPubkey).CreateInvoice(new CreateInvoiceParams(order.SellerFeeSat * 1000, Expiry: TimeSpan.FromHours(72)));
        await Get<SellerOperations>().Accept(deal.Seller, deal.OrderId, invoice.PaymentRequest);
        deal.SellerInvoiceHash = invoice.PaymentHash;
        return await Order(deal.OrderId);
    }

    /// <summary>The buyer's wallet (outside Simnet) pays the hold invoice; the HTLC is held.</summary>
    public async Task<Order> PayFromWallet(string orderId)
    {
        var paid = await Simnet.PayFromExternal((await Order(orderId)).BuyerInvoice!);
        Assert.Equal(ExternalPaymentOutcome.Accepted, paid.Outcome);
        return await WaitFor(orderId, OrderStatus.WaitingForChannelOpen);
    }

    /// <summary>The buyer's own Simnet node pays; the returned task ends when the HTLC is settled or failed back.</summary>
    public async Task<Task<PayResult>> PayFromBuyerNode(Deal deal)
    {
        var invoice = (await Order(deal.OrderId)).BuyerInvoice!;
        var payment = NodeOf(deal.BuyerPubkey).Pay(new PayInvoiceParams(invoice, FeeLimitMsat: 100_000, Timeout: TimeSpan.FromDays(30)));
        await WaitFor(deal.OrderId, OrderStatus.WaitingForChannelOpen);
        return payment;
    }

    /// <summary>The seller opens a channel from its node (by default the ordered one) and reports its funding outpoint.</summary>
    public async Task<OutPoint> OpenAndReport(Deal deal, long? capacitySat = null, bool? isPrivate = null, PublicKey? peer = null)
    {
        var order = await Order(deal.OrderId);
        var seller = NodeOf(deal.SellerPubkey);
        var to = peer ?? deal.BuyerPubkey;
        await seller.ConnectPeer(new NodeUri(to, "127.0.0.1", 9735));
        var opened = await seller.OpenChannel(new OpenChannelParams(to, capacitySat ?? order.SizeSat, Private: isPrivate ?? order.IsPrivate));
        Assert.Equal(OpenChannelOutcome.Pending, opened.Outcome);
        await Get<SellerOperations>().AddTransaction(deal.Seller, deal.OrderId, opened.FundingOutpoint.ToString());
        return opened.FundingOutpoint!.Value;
    }

    /// <summary>A marketplace order accepted, paid, opened and confirmed: valid, with the seller paid and the buyer settled.</summary>
    public async Task<(Deal Deal, Order Order)> ValidOrder()
    {
        var deal = await MarketplaceOrder();
        await Accept(deal);
        await PayFromWallet(deal.OrderId);
        await OpenAndReport(deal);
        await Simnet.Mine(3);
        await WaitFor(deal.OrderId, OrderStatus.ValidChannelOpening);
        await Eventually(async () => (await Order(deal.OrderId)).EscrowSettledAt is not null);
        return (deal, await Order(deal.OrderId));
    }

    /// <summary>
    /// Takes a marketplace order from wherever it is to the end: the seller accepts and opens, the buyer pays, the chain
    /// confirms; then the seller is paid, the buyer's HTLC settles and monitoring finishes.
    /// </summary>
    public async Task<Order> CompleteMarketplaceOrder(Deal deal)
    {
        if ((await Order(deal.OrderId)).Status == OrderStatus.WaitingForSellerApproval)
            await Accept(deal);
        if ((await Order(deal.OrderId)).Status == OrderStatus.WaitingForBuyerPayment)
            await PayFromWallet(deal.OrderId);
        if ((await Order(deal.OrderId)).Status == OrderStatus.WaitingForChannelOpen)
            await OpenAndReport(deal);
        await Simnet.Mine(3);
        var order = await WaitFor(deal.OrderId, OrderStatus.ValidChannelOpening);
        await Eventually(async () => (await Order(deal.OrderId)).EscrowSettledAt is not null);
        Assert.Equal(InvoiceState.Settled, await HoldState(deal.OrderId));
        Assert.Equal(InvoiceState.Settled, (await NodeOf(deal.SellerPubkey).LookupInvoice(order.PaymentHash!))!.State);
        Assert.Equal(OrderPaymentStatus.SuccessfulPayment, (await Order(deal.OrderId)).PaymentStatus);
        await MineTo(order.MonitoringEndHeight!.Value);
        return await WaitFor(deal.OrderId, OrderStatus.ChannelMonitoringFinished);
    }

    /// <summary>Liquidity an offer still has for new buyers: total minus what orders that did not fail lock.</summary>
    public async Task<long> Available(string offerId) => (await Get<OfferService>().Get(offerId)).AvailableSat;

    public async Task<long> TotalSize(string offerId) => (await Get<OfferService>().Get(offerId)).Offer.TotalSizeSat;

    /// <summary>The platform wallet's ledger, in msat, by kind.</summary>
    public async Task<Dictionary<LedgerEntryKind, long>> PlatformLedger()
    {
        var walletId = Get<MarketPlatform>().WalletId;
        await using var db = Database.Read<MarketDbContext>();
        return (await db.LedgerEntries.Where(e => e.WalletId == walletId).ToListAsync())
            .GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
    }

    /// <summary>The platform's sends paying this order's seller (every attempt).</summary>
    public async Task<List<PaymentTransaction>> Payouts(string orderId)
    {
        var marker = $"\"order_id\":\"{orderId}\"";
        await using var db = Database.Read<MarketDbContext>();
        return await db.Transactions.Where(t => t.Direction == TransactionDirection.Send && t.Metadata != null && t.Metadata.Contains(marker)).ToListAsync();
    }

    public async Task<IReadOnlyList<OrderEvent>> Events(string orderId) => await Get<OrderQueries>().Events(orderId);

    /// <summary>The statuses an order went through, from its event rows.</summary>
    public async Task<List<OrderStatus>> Trail(string orderId) =>
        (await Events(orderId)).Where(e => e.FromStatus != e.ToStatus).Select(e => e.ToStatus).ToList();

    /// <summary>The state of the buyer's hold invoice on the engine's node.</summary>
    public async Task<InvoiceState?> HoldState(string orderId) =>
        (await House.LookupInvoice((await Order(orderId)).PaymentHash!))?.State;

    /// <summary>Mines up to (and including) a height.</summary>
    public async Task MineTo(int height)
    {
        var tip = await Simnet.Height();
        if (height > tip)
            await Simnet.Mine(height - tip);
    }
}
