using Magma.Lightning;
using Magma.Lightning.Simnet;
using Magma.Market.Accounts;
using Magma.Market.Data;
using Magma.Market.Escrow;
using Magma.Market.Lsps1;
using Magma.Market.Orders;
using Microsoft.EntityFrameworkCore;

namespace Magma.Market.Tests.Lsps1;

/// <summary>recommended/ and cheapest/ route LSPS1 orders to automated offers; a seller must accept in time or the next one serves.</summary>
public sealed class Lsps1RoutingTests : MarketHarness
{
    protected override Dictionary<string, string?> Settings => new(base.Settings)
    {
        ["Lsps1:SellerAcceptanceWait"] = "00:00:01",
        ["Lsps1:MaxChannelExpiryBlocks"] = "13140",
    };

    private static Lsps1Request Request(string buyer, ulong clientBalance = 0) => new(500_000, clientBalance, 0, 6, 144, null, null, true, buyer);

    private async Task Automate(Offer offer, int successes = 0, int failures = 0)
    {
        await Database.Write<MarketDbContext>(async db =>
        {
            (await db.Offers.FirstAsync(o => o.Id == offer.Id)).IsAutomated = true;
            await db.SaveChangesAsync();
        });
        var house = await Order(await HouseOrderId());
        await Database.Write<MarketDbContext>(async db =>
        {
            for (var i = 0; i < successes + failures; i++)
                db.Orders.Add(new Order
                {
                    Id = Guid.NewGuid().ToString(), OfferId = offer.Id, BuyerAccountId = house.BuyerAccountId, BuyerPubkey = "", SellerPubkey = offer.Pubkey,
                    Status = i < successes ? OrderStatus.ChannelMonitoringFinished : OrderStatus.SellerFailedToOpenChannel, SizeSat = 0,
                });
            await db.SaveChangesAsync();
        });
    }

    /// <summary>Any order, to borrow a valid buyer account for the history rows.</summary>
    private async Task<string> HouseOrderId()
    {
        var buyer = await BuyerNode("history");
        return (await Get<Lsps1Service>().Create(Lsps1Route.House, Request(buyer.Pubkey.ToHex()))).OrderId;
    }

    /// <summary>An automated seller: it accepts each order for its offer with its own invoice as soon as it sees it.</summary>
    private Task AcceptAsSeller(SimnetNode node, MarketCaller seller, string offerId, CancellationToken stop) => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            await using (var db = Database.Read<MarketDbContext>())
            {
                foreach (var order in await db.Orders.Where(o => o.OfferId == offerId && o.Status == OrderStatus.WaitingForSellerApproval).ToListAsync())
                {
                    var invoice = await node.CreateInvoice(new CreateInvoiceParams(order.SellerFeeSat * 1000, Expiry: TimeSpan.FromHours(72)));
                    await Get<SellerOperations>().Accept(seller, order.Id, invoice.PaymentRequest);
                }
            }
            await Task.Delay(20);
        }
    });

    [Fact]
    public async Task RecommendedGoesToTheMoreReliableAutomatedSellerWhichAcceptsWithItsOwnInvoice()
    {
        var (goodNode, good, goodOffer) = await Seller(feeRatePpm: 3_000, alias: "reliable", minBlockLength: 144);
        var (_, _, shakyOffer) = await Seller(feeRatePpm: 100, alias: "shaky", minBlockLength: 144);
        await Automate(goodOffer, successes: 8, failures: 1);
        await Automate(shakyOffer, successes: 1, failures: 5);
        var buyer = await BuyerNode();
        using var stop = new CancellationTokenSource();
        var seller = AcceptAsSeller(goodNode, good, goodOffer.Id, stop.Token);

        var view = await Get<Lsps1Service>().Create(Lsps1Route.Recommended, Request(buyer.Pubkey.ToHex()));
        await stop.CancelAsync();
        await seller;
        var order = await Order(view.OrderId);

        Assert.Equal(goodOffer.Id, order.OfferId);
        Assert.Equal(OrderStatus.WaitingForBuyerPayment, order.Status);
        Assert.Equal(order.BuyerAmountSat, view.Bolt11!.OrderTotalSat);
        Assert.Equal(OrderSource.Lsps1, order.Source);
    }

    [Fact]
    public async Task CheapestGoesToTheLowestFeeAndFallsBackToTheHouseWhenTheSellerDoesNotAccept()
    {
        var (_, _, cheapOffer) = await Seller(feeRatePpm: 100, baseFeeSat: 1, alias: "cheap", minBlockLength: 144);
        await Automate(cheapOffer);
        var buyer = await BuyerNode();

        var ranked = await Get<Lsps1OfferRanking>().Rank(Lsps1Route.Cheapest, Request(buyer.Pubkey.ToHex()));
        var view = await Get<Lsps1Service>().Create(Lsps1Route.Cheapest, Request(buyer.Pubkey.ToHex()));
        var order = await Order(view.OrderId);
        await using var db = Database.Read<MarketDbContext>();
        var abandoned = await db.Orders.FirstAsync(o => o.OfferId == cheapOffer.Id && o.Source == OrderSource.Lsps1);

        Assert.Equal(cheapOffer.Id, ranked[0].Offer.Id);
        Assert.True(ranked[^1].Offer.IsHouse);
        Assert.Equal(Get<HouseSeller>().OfferId, order.OfferId);
        Assert.Equal(OrderStatus.BuyerRejected, abandoned.Status);
    }

    [Fact]
    public async Task OffersThatAreNotAutomatedOrCannotPushTheClientBalanceAreNotCandidates()
    {
        var (_, _, manualOffer) = await Seller(feeRatePpm: 1, alias: "manual", minBlockLength: 144);
        var (_, _, automatedOffer) = await Seller(feeRatePpm: 1, alias: "automated", minBlockLength: 144);
        await Automate(automatedOffer);
        var buyer = (await BuyerNode()).Pubkey.ToHex();

        var plain = await Get<Lsps1OfferRanking>().Rank(Lsps1Route.Cheapest, Request(buyer));
        var pushing = await Get<Lsps1OfferRanking>().Rank(Lsps1Route.Cheapest, Request(buyer, clientBalance: 10_000));

        Assert.DoesNotContain(plain, c => c.Offer.Id == manualOffer.Id);
        Assert.Contains(plain, c => c.Offer.Id == automatedOffer.Id);
        Assert.True(Assert.Single(pushing).Offer.IsHouse);
    }
}
