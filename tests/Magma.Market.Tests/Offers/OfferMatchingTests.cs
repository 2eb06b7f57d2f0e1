using Magma.Market.Orders;
using Magma.Payments.Assets;

namespace Magma.Market.Tests.Offers;

/// <summary><c>liquidity.buy</c> picks, among enabled offers with liquidity the buyer qualifies for, the one giving the most capacity.</summary>
public sealed class OfferMatchingTests : MarketHarness
{
    [Fact]
    public async Task TheOfferGivingTheMostCapacityForTheBudgetWins()
    {
        var (_, _, dear) = await Seller(feeRatePpm: 2_000, alias: "dear");
        var (_, _, cheap) = await Seller(feeRatePpm: 500, alias: "cheap");

        // $5 buys 800,000 sats from the house, 2,400,000 from the dear seller and the cheap seller's 5,000,000 maximum.
        var order = await Buy("500");

        Assert.Equal(cheap.Id, order.OfferId);
        Assert.Equal(5_000_000, order.SizeSat);
        Assert.NotEqual(dear.Id, order.OfferId);
        Assert.True(order.BuyerAmountSat <= 5_000);
    }

    [Fact]
    public async Task AmongOffersGivingTheSameCapacityTheCheapestWins()
    {
        await DisableHouseOffer();
        await Seller(feeRatePpm: 100, baseFeeSat: 500, alias: "dearer base");
        var (_, _, cheaper) = await Seller(feeRatePpm: 100, baseFeeSat: 100, alias: "cheaper base");

        var order = await Buy("5000");

        Assert.Equal((cheaper.Id, 5_000_000L), (order.OfferId, order.SizeSat));
    }

    [Fact]
    public async Task ABudgetUnder500CentsViolatesTheMinimum()
    {
        var error = await Refusal.Expect("min-amount-violated", () => Buy("499"));

        Assert.StartsWith("Min amount violated", error.Message);
        Assert.Equal("usd_cents", error.Property);
        Assert.Equal(500, (await Buy("500")).UsdCents);
    }

    [Fact]
    public async Task RailsClusterOnlyMatchesOnlyAutomatedOffers()
    {
        var (_, _, cheap) = await Seller(feeRatePpm: 100, alias: "cheap but manual");
        Assert.Equal(cheap.Id, (await Buy("500")).OfferId);

        var order = await Buy("500", railsClusterOnly: true);
        Assert.True(order.IsHouse);

        await DisableHouseOffer();
        await Refusal.Expect("no-matching-offer", () => Buy("5000", railsClusterOnly: true));
    }

    [Theory]
    [InlineData("6c1a0e2f-0000-4000-8000-000000000001")]
    [InlineData("USDT")]
    public async Task AnAssetOtherThanBitcoinIsRefused(string assetId)
    {
        var error = await Refusal.Expect("unsupported-asset", () => Buy("5000", assetId: assetId));

        Assert.Equal("options.asset_id", error.Property);
    }

    [Fact]
    public async Task TheBitcoinAssetIdIsAccepted()
    {
        Assert.True((await Buy("5000", assetId: Asset.BtcId)).IsHouse);
    }

    [Fact]
    public async Task NothingMatchingIsAClearError()
    {
        await DisableHouseOffer();
        await Seller(baseFeeSat: 10_000, alias: "too dear for $5");

        var error = await Refusal.Expect("no-matching-offer", () => Buy("500"));

        Assert.Contains("No offer matches", error.Message);
    }

    [Fact]
    public async Task TheBuyersOwnOfferIsNeverMatched()
    {
        await DisableHouseOffer();
        var (sellerNode, _, _) = await Seller();

        await Refusal.Expect("no-matching-offer", () => Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(Uri(sellerNode), "5000", null, false, false, null)));
    }

    [Theory]
    [InlineData("not a uri")]
    [InlineData("02abcd@127.0.0.1:9735")]
    [InlineData(null)]
    public async Task AConnectionUriMustNameANode(string? uri)
    {
        var error = await Refusal.Expect("invalid-connection-uri", () => Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(uri, "5000", null, false, false, null)));

        Assert.Equal("connection_uri must be in <pubkey>@<host>:<port> format", error.Message);
    }

    private async Task<Data.Order> Buy(string usdCents, bool railsClusterOnly = false, string? assetId = null) =>
        (await Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(Uri(await BuyerNode()), usdCents, null, false, railsClusterOnly, assetId))).Order;
}
