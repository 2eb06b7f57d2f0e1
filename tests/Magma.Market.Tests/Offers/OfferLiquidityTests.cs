using Magma.Market.Accounts;
using Magma.Market.Data;
using Magma.Market.Orders;
using Magma.Payments.Errors;

namespace Magma.Market.Tests.Offers;

/// <summary>Orders lock an offer's liquidity until they fail; concurrent buyers cannot take more than the offer has.</summary>
public sealed class OfferLiquidityTests : MarketHarness
{
    [Fact]
    public async Task OpenOrdersLockLiquidityAndFailedOnesReleaseIt()
    {
        var first = await MarketplaceOrder();
        Assert.Equal(5_000_000, await Available(first.OfferId));
        var second = await AnotherOrder(first);
        Assert.Equal(0, await Available(first.OfferId));
        Assert.DoesNotContain(await Get<Market.Offers.OfferService>().Book(), v => v.Offer.Id == first.OfferId);
        await Refusal.Expect("no-matching-offer", async () => await AnotherOrder(first));

        await Get<SellerOperations>().Reject(first.Seller, first.OrderId);
        Assert.Equal(5_000_000, await Available(first.OfferId));

        await CompleteMarketplaceOrder(second);
        Assert.Equal(5_000_000, await Available(first.OfferId));
        Assert.Equal(1, (await Get<Market.Offers.OfferService>().Get(first.OfferId)).FilledOrders);
    }

    [Fact]
    public async Task ConcurrentOrdersFromAnOfferCannotOversellIt()
    {
        var (_, _, offer) = await Seller(totalSize: "250000", maxSize: "100000");
        var (account, _) = await Get<AccountService>().Create(MarketCaller.AdminCaller, "crowd");
        var buyer = new MarketCaller.Account(account.Id, AccountKeyKind.Api);
        var uri = Uri(await BuyerNode());

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (await Get<OrderPlacement>().FromOffer(buyer, offer.Id, "100000", uri, false)).Order.Id;
            }
            catch (MagmaException ex) when (ex.Error.Code == "no-matching-offer")
            {
                return null;
            }
        })));

        Assert.Equal(2, attempts.Count(id => id is not null));
        Assert.Equal(50_000, await Available(offer.Id));
    }

    [Fact]
    public async Task ConcurrentBuysCannotOversellAnOffer()
    {
        await DisableHouseOffer();
        var (_, _, offer) = await Seller(totalSize: "250000", maxSize: "100000");
        var uris = new List<string>();
        for (var i = 0; i < 6; i++)
            uris.Add(Uri(await BuyerNode($"buyer {i}")));

        var attempts = await Task.WhenAll(uris.Select(uri => Task.Run(async () =>
        {
            try
            {
                return (await Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(uri, "5000", null, false, false, null))).Order.SizeSat;
            }
            catch (MagmaException ex) when (ex.Error.Code == "no-matching-offer")
            {
                return 0;
            }
        })));

        Assert.Equal([100_000, 100_000], attempts.Where(size => size > 0));
        Assert.Equal(50_000, await Available(offer.Id));
    }

    [Fact]
    public async Task AnOrderFromAChosenOfferMustFitItsSizeBounds()
    {
        var (_, _, offer) = await Seller();
        var (account, _) = await Get<AccountService>().Create(MarketCaller.AdminCaller, "buyer");
        var buyer = new MarketCaller.Account(account.Id, AccountKeyKind.Api);
        var uri = Uri(await BuyerNode());

        await Refusal.Expect("min-amount-violated", () => Get<OrderPlacement>().FromOffer(buyer, offer.Id, "99999", uri, false));
        await Refusal.Expect("min-amount-violated", () => Get<OrderPlacement>().FromOffer(buyer, offer.Id, "5000001", uri, false));
        await Refusal.Expect("unauthenticated", () => Get<OrderPlacement>().FromOffer(MarketCaller.AdminCaller, offer.Id, "100000", uri, false));

        Assert.Equal(await TotalSize(offer.Id), await Available(offer.Id));
    }
}
