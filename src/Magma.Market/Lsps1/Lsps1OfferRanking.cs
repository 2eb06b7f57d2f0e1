using Magma.Lightning.Crypto;
using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Escrow;
using Magma.Market.Offers;
using Magma.Market.Orders;
using Magma.Market.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Magma.Market.Lsps1;

/// <summary>An automated offer that can serve an order, with what the client pays and how its seller has done.</summary>
public sealed record Lsps1Candidate(Offer Offer, long FeeTotalSat, long Successes, long Failures);

/// <summary>
/// Ranks the automated offers (the house offer included) that can serve an LSPS1 order. <c>recommended</c> puts
/// the most reliable seller first: its share of decided orders that reached a valid channel, smoothed as
/// (successes + 1) / (decided + 2) so a new seller starts at one half; ties go to the lower fee. <c>cheapest</c>
/// puts the lowest fee first; ties go to reliability. The house, if not ranked already, is always the last resort.
/// </summary>
public sealed class Lsps1OfferRanking(SqliteDatabase database, HouseSeller house, IOptions<MarketOptions> market)
{
    private static readonly List<OrderStatus> Successes = [OrderStatus.ValidChannelOpening, OrderStatus.ChannelMonitoringFinished];
    private static readonly List<OrderStatus> SellerFailures =
        [OrderStatus.SellerRejected, OrderStatus.SellerFailedToReact, OrderStatus.SellerFailedToOpenChannel, OrderStatus.InvalidChannelOpening];

    public async Task<IReadOnlyList<Lsps1Candidate>> Rank(Lsps1Route route, Lsps1Request request, CancellationToken cancellationToken = default)
    {
        List<OfferView> views;
        Dictionary<string, (long Successes, long Failures)> record;
        await using (var db = database.Read<MarketDbContext>())
        {
            var offers = await db.Offers.Where(o => o.Status == OfferStatus.Enabled && o.IsAutomated).ToListAsync(cancellationToken);
            views = await OfferService.View(db, offers);
            record = await Record(db, offers.Select(o => o.Id).ToList(), cancellationToken);
        }
        var facts = request.PublicKey is { } key && PublicKey.TryParseHex(key, out var buyer)
            ? await BuyerFacts.Load(house.PlatformNode, buyer, [], cancellationToken)
            : null;
        var candidates = views.Where(v => Serves(v, request, facts))
            .Select(v => Candidate(v.Offer, record, (long)request.LspBalanceSat))
            .ToList();
        candidates.Sort(route == Lsps1Route.Cheapest ? ByFeeThenReliability : ByReliabilityThenFee);
        if (!candidates.Any(c => c.Offer.IsHouse) && views.FirstOrDefault(v => v.Offer.IsHouse) is { } houseView)
            candidates.Add(Candidate(houseView.Offer, record, (long)request.LspBalanceSat));
        return candidates;
    }

    private bool Serves(OfferView view, Lsps1Request request, BuyerFacts? facts)
    {
        var offer = view.Offer;
        var size = (long)request.LspBalanceSat;
        if (size < offer.MinSizeSat || size > offer.MaxSizeSat || size > view.AvailableSat || offer.Pubkey == request.PublicKey)
            return false;
        if (offer.IsHouse)
            return true;
        // A marketplace seller is paid its fee alone, has to find the client by its node id, and promises its own minimum lifetime.
        return request.ClientBalanceSat == 0 && request.PublicKey is not null && facts is not null
            && offer.MinBlockLength >= request.ChannelExpiryBlocks
            && OfferCondition.Parse(offer.Conditions).All(c => c.IsMetBy(facts.For(offer.Pubkey)));
    }

    private Lsps1Candidate Candidate(Offer offer, Dictionary<string, (long Successes, long Failures)> record, long sizeSat)
    {
        var (successes, failures) = record.GetValueOrDefault(offer.Id);
        return new Lsps1Candidate(offer, OrderPricing.Quote(offer, sizeSat, market.Value.PlatformFeePpm).BuyerTotal, successes, failures);
    }

    private static async Task<Dictionary<string, (long, long)>> Record(MarketDbContext db, List<string> offerIds, CancellationToken cancellationToken)
    {
        var rows = await db.Orders.Where(o => offerIds.Contains(o.OfferId) && (Successes.Contains(o.Status) || SellerFailures.Contains(o.Status)))
            .GroupBy(o => o.OfferId)
            .Select(g => new { OfferId = g.Key, Successes = g.Count(o => Successes.Contains(o.Status)), Total = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.OfferId, r => ((long)r.Successes, (long)(r.Total - r.Successes)));
    }

    /// <summary>(s1 + 1) / (n1 + 2) against (s2 + 1) / (n2 + 2), cross-multiplied to stay in integers.</summary>
    private static int CompareReliability(Lsps1Candidate a, Lsps1Candidate b) =>
        ((b.Successes + 1) * (a.Successes + a.Failures + 2)).CompareTo((a.Successes + 1) * (b.Successes + b.Failures + 2));

    private static int ByReliabilityThenFee(Lsps1Candidate a, Lsps1Candidate b)
    {
        var reliability = CompareReliability(a, b);
        return reliability != 0 ? reliability : Tie(a, b, a.FeeTotalSat.CompareTo(b.FeeTotalSat));
    }

    private static int ByFeeThenReliability(Lsps1Candidate a, Lsps1Candidate b)
    {
        var fee = a.FeeTotalSat.CompareTo(b.FeeTotalSat);
        return fee != 0 ? fee : Tie(a, b, CompareReliability(a, b));
    }

    /// <summary>Last ties: the house first (it opens at once), then the older offer.</summary>
    private static int Tie(Lsps1Candidate a, Lsps1Candidate b, int comparison) =>
        comparison != 0 ? comparison : a.Offer.IsHouse != b.Offer.IsHouse ? (a.Offer.IsHouse ? -1 : 1) : a.Offer.CreatedAt.CompareTo(b.Offer.CreatedAt);
}
