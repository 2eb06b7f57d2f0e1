using System.Globalization;
using Magma.Market.Offers;

namespace Magma.Market.Pricing;

/// <summary>Magma's <c>liquidity_per_usd</c>: sats of inbound capacity one dollar of fees buys, and what those sats are worth.</summary>
public sealed record LiquidityPerUsd(string Sats, string Usd);

/// <summary>
/// Prices the current book for a reference purchase (fixed fees make tiny budgets poor value, so the per-dollar
/// figure comes from a realistic order: <see cref="ReferenceUsdCents"/>).
/// </summary>
public sealed class LiquidityQuote(OfferMatcher matcher, IBtcUsdPrice price)
{
    public const long ReferenceUsdCents = 5_000;

    public async Task<LiquidityPerUsd> PerUsd(CancellationToken cancellationToken = default)
    {
        var centsPerBtc = await price.UsdCentsPerBtc(cancellationToken);
        var budget = OrderPricing.SatsForUsdCents(ReferenceUsdCents, centsPerBtc);
        var best = await matcher.Best(budget, facts: null, buyerPubkey: null, railsClusterOnly: false);
        var satsPerUsd = (best?.SizeSat ?? 0) * 100 / ReferenceUsdCents;
        // The capacity's dollar value: sats × (cents per BTC) / 1e8, printed as dollars with cents.
        var capacityCents = satsPerUsd * centsPerBtc / 100_000_000;
        return new LiquidityPerUsd(
            satsPerUsd.ToString(CultureInfo.InvariantCulture),
            (capacityCents / 100m).ToString("0.00", CultureInfo.InvariantCulture));
    }
}
