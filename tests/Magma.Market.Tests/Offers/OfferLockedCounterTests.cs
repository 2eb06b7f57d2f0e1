using Magma.Lightning.Storage;
using Magma.Market.Accounts;
using Magma.Market.Data;
using Magma.Market.Errors;
using Magma.Market.Escrow;
using Magma.Market.Offers;
using Magma.Market.Orders;
using Magma.Payments.Errors;
using Microsoft.EntityFrameworkCore;

namespace Magma.Market.Tests.Offers;

/// <summary>The offer's locked_sat counter against the sum it replaces, through locks, refusals and failures.</summary>
public sealed class OfferLockedCounterTests : MarketHarness
{
    [Fact]
    public async Task TheCounterLocksEveryLiveOrderRefusesOversellAndReleasesOnFailure()
    {
        await Get<OfferService>().Toggle(MarketCaller.AdminCaller, Get<HouseSeller>().OfferId);
        var (_, seller, offer) = await Seller();
        var (account, _) = await Get<AccountService>().Create(MarketCaller.AdminCaller, "buyer");
        var buyer = new MarketCaller.Account(account.Id, AccountKeyKind.Api);
        var buyerNode = await BuyerNode();
        var placement = Get<OrderPlacement>();

        var first = (await placement.FromOffer(buyer, offer.Id, "4000000", Uri(buyerNode), false)).Order;
        var second = (await placement.FromOffer(buyer, offer.Id, "4000000", Uri(buyerNode), false)).Order;
        Assert.Equal(8_000_000, await Locked(offer.Id));

        var refused = await Assert.ThrowsAsync<MagmaException>(() => placement.FromOffer(buyer, offer.Id, "4000000", Uri(buyerNode), false));
        Assert.Equal(MarketErrors.NoMatchingOffer, refused.Error);
        Assert.Equal(8_000_000, await Locked(offer.Id));

        await Get<SellerOperations>().Reject(seller, first.Id);
        Assert.Equal(4_000_000, await Locked(offer.Id));
        var third = (await placement.FromOffer(buyer, offer.Id, "4000000", Uri(buyerNode), false)).Order;

        await Get<BuyerAndAdminOperations>().Close(MarketCaller.AdminCaller, second.Id, "test");
        await Get<BuyerAndAdminOperations>().Close(MarketCaller.AdminCaller, third.Id, "test");
        Assert.Equal(0, await Locked(offer.Id));
        Assert.Equal(await SumOfLiveOrders(offer.Id), await Locked(offer.Id));
    }

    [Fact]
    public async Task ConcurrentOrdersNeverLockMoreThanTheOfferHolds()
    {
        await Get<OfferService>().Toggle(MarketCaller.AdminCaller, Get<HouseSeller>().OfferId);
        var (_, _, offer) = await Seller();
        var (account, _) = await Get<AccountService>().Create(MarketCaller.AdminCaller, "buyer");
        var buyer = new MarketCaller.Account(account.Id, AccountKeyKind.Api);
        var buyerNode = await BuyerNode();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            try
            {
                await Get<OrderPlacement>().FromOffer(buyer, offer.Id, "1500000", Uri(buyerNode), false);
                return true;
            }
            catch (MagmaException ex) when (ex.Error == MarketErrors.NoMatchingOffer)
            {
                return false;
            }
        }));

        Assert.Equal(6, attempts.Count(placed => placed));
        Assert.Equal(9_000_000, await Locked(offer.Id));
        Assert.Equal(await SumOfLiveOrders(offer.Id), await Locked(offer.Id));
    }

    private async Task<long> Locked(string offerId)
    {
        await using var db = Database.Read<MarketDbContext>();
        return (await db.Offers.SingleAsync(o => o.Id == offerId)).LockedSat;
    }

    private async Task<long> SumOfLiveOrders(string offerId)
    {
        await using var db = Database.Read<MarketDbContext>();
        var orders = await db.Orders.Where(o => o.OfferId == offerId).ToListAsync();
        return orders.Where(o => o.Status.LocksLiquidity()).Sum(o => o.SizeSat);
    }
}
