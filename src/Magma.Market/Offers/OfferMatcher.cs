using Magma.Lightning;
using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Errors;
using Magma.Market.Pricing;
using Magma.Payments.Assets;
using Magma.Payments.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Magma.Market.Offers;

/// <summary>What a buyer asks for with <c>liquidity.buy</c>: a budget in US cents and options.</summary>
public sealed record BuyRequest(NodeUri Buyer, long UsdCents, bool Private = false, bool RailsClusterOnly = false, string? AssetId = null);

public sealed record MatchedOffer(Offer Offer, long SizeSat, long SellerFeeSat, long PlatformFeeSat, long BuyerTotalSat);

/// <summary>
/// Picks the offer that gives the buyer the most inbound capacity for its budget, among enabled offers with
/// liquidity whose conditions the buyer's node meets.
/// </summary>
public sealed class OfferMatcher(SqliteDatabase database, Escrow.MarketPlatform platform, IBtcUsdPrice price, IOptions<MarketOptions> options)
{
    public async Task<MatchedOffer> Match(BuyRequest request, CancellationToken cancellationToken = default)
    {
        if (request.UsdCents < options.Value.MinUsdCents)
            throw new MagmaException(MarketErrors.MinAmountViolated, $"Min amount violated: usd_cents must be at least {options.Value.MinUsdCents}.", "usd_cents");
        if (request.AssetId is not null && !string.Equals(request.AssetId, Asset.BtcId, StringComparison.OrdinalIgnoreCase))
            throw new MagmaException(MarketErrors.UnsupportedAsset, "Only BTC channels are offered: omit options.asset_id or use the BTC asset id.", "options.asset_id");

        var budget = OrderPricing.SatsForUsdCents(request.UsdCents, await price.UsdCentsPerBtc(cancellationToken));
        var facts = await BuyerFacts.Load(platform.Node, request.Buyer.Pubkey, [$"{request.Buyer.Host}:{request.Buyer.Port}"], cancellationToken);
        var best = await Best(budget, facts, request.Buyer.Pubkey.ToHex(), request.RailsClusterOnly);
        return best ?? throw new MagmaException(MarketErrors.NoMatchingOffer,
            "No offer matches: none has the liquidity, accepts this node's profile, or fits the budget. Min amount violated for every offer?", "usd_cents");
    }

    /// <summary>The best offer for a budget in sats (used for quotes too); null when none qualifies.</summary>
    public async Task<MatchedOffer?> Best(long budgetSat, BuyerFacts? facts, string? buyerPubkey, bool railsClusterOnly)
    {
        await using var db = database.Read<MarketDbContext>();
        var offers = await db.Offers.Where(o => o.Status == OfferStatus.Enabled && (!railsClusterOnly || o.IsAutomated || o.IsHouse)).ToListAsync();
        MatchedOffer? best = null;
        foreach (var view in await OfferService.View(db, offers))
        {
            var offer = view.Offer;
            if (offer.Pubkey == buyerPubkey)
                continue;
            if (facts is not null && !OfferCondition.Parse(offer.Conditions).All(c => c.IsMetBy(facts.For(offer.Pubkey))))
                continue;
            var size = OrderPricing.LargestSizeWithin(offer, budgetSat, options.Value.PlatformFeePpm, Math.Min(offer.MaxSizeSat, view.AvailableSat));
            if (size < offer.MinSizeSat)
                continue;
            var (seller, platform, total) = OrderPricing.Quote(offer, size, options.Value.PlatformFeePpm);
            if (best is null || size > best.SizeSat || (size == best.SizeSat && total < best.BuyerTotalSat))
                best = new MatchedOffer(offer, size, seller, platform, total);
        }
        return best;
    }
}
