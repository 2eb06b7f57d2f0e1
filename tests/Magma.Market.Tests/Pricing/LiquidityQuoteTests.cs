using Magma.Market.Pricing;

namespace Magma.Market.Tests.Pricing;

/// <summary>
/// <c>liquidity_per_usd</c> prices the current book for a $50 purchase: the most capacity that budget buys, per dollar,
/// and what that capacity is worth at <c>Market:Price:BtcUsd</c>.
/// </summary>
public sealed class LiquidityQuoteTests : MarketHarness
{
    [Fact]
    public async Task TheHouseOfferAloneSetsTheQuote()
    {
        // $50 is 50,000 sats at $100,000: the house (1,000 sats + 5,000 ppm) sells 9,800,000 sats for it.
        var quote = await Get<LiquidityQuote>().PerUsd();

        Assert.Equal(new LiquidityPerUsd("196000", "196.00"), quote);
    }

    [Fact]
    public async Task ABetterOfferInTheBookImprovesTheQuote()
    {
        await Seller(feeRatePpm: 1_000, totalSize: "20000000", maxSize: "10000000");

        Assert.Equal(new LiquidityPerUsd("200000", "200.00"), await Get<LiquidityQuote>().PerUsd());
    }

    [Fact]
    public async Task AnOfferWithoutLiquidityLeftDoesNotCount()
    {
        var deal = await MarketplaceOrder();
        await AnotherOrder(deal);

        Assert.Equal(new LiquidityPerUsd("0", "0.00"), await Get<LiquidityQuote>().PerUsd());
    }

    [Fact]
    public async Task AnEmptyBookQuotesNothing()
    {
        await DisableHouseOffer();

        Assert.Equal(new LiquidityPerUsd("0", "0.00"), await Get<LiquidityQuote>().PerUsd());
    }
}

public sealed class LiquidityQuoteAtAnotherPriceTests : MarketHarness
{
    protected override Dictionary<string, string?> Settings => new(base.Settings) { ["Market:Price:BtcUsd"] = "50000" };

    [Fact]
    public async Task TheConfiguredBitcoinPriceSetsTheBudgetAndTheValue()
    {
        // $50 is 100,000 sats at $50,000: the house sells 19,800,000 sats for it, 396,000 per dollar, worth $198 at that price.
        var quote = await Get<LiquidityQuote>().PerUsd();

        Assert.Equal(new LiquidityPerUsd("396000", "198.00"), quote);
    }
}
