using Magma.Market.Data;

namespace Magma.Market.Pricing;

/// <summary>What a channel of a given size costs under an offer. Whole sats, rounded up in the seller's favour.</summary>
public static class OrderPricing
{
    public static long SellerFeeSat(Offer offer, long sizeSat) =>
        offer.BaseFeeSat + CeilDiv(sizeSat * offer.FeeRatePpm, 1_000_000);

    /// <summary>The platform's cut; the house seller is the platform, so it takes none there.</summary>
    public static long PlatformFeeSat(Offer offer, long sellerFeeSat, long platformFeePpm) =>
        offer.IsHouse ? 0 : CeilDiv(sellerFeeSat * platformFeePpm, 1_000_000);

    public static (long SellerFee, long PlatformFee, long BuyerTotal) Quote(Offer offer, long sizeSat, long platformFeePpm)
    {
        var seller = SellerFeeSat(offer, sizeSat);
        var platform = PlatformFeeSat(offer, seller, platformFeePpm);
        return (seller, platform, seller + platform);
    }

    /// <summary>The largest size whose total fee fits the budget, or 0 when not even the base fee does.</summary>
    public static long LargestSizeWithin(Offer offer, long budgetSat, long platformFeePpm, long limitSat)
    {
        if (Quote(offer, 0, platformFeePpm).BuyerTotal > budgetSat)
            return 0;
        if (offer.FeeRatePpm == 0)
            return limitSat;
        // Solve base + size·rate ≤ budget / (1 + platform), then step down past rounding.
        var sellerBudget = offer.IsHouse ? budgetSat : budgetSat * 1_000_000 / (1_000_000 + platformFeePpm);
        var size = Math.Min(limitSat, Math.Max(0, (sellerBudget - offer.BaseFeeSat) * 1_000_000 / offer.FeeRatePpm));
        while (size > 0 && Quote(offer, size, platformFeePpm).BuyerTotal > budgetSat)
            size -= Math.Max(1, size / 1_000_000);
        return size;
    }

    public static long SatsForUsdCents(long usdCents, long usdCentsPerBtc) => usdCents * 100_000_000 / usdCentsPerBtc;

    private static long CeilDiv(long numerator, long denominator) => (numerator + denominator - 1) / denominator;
}
