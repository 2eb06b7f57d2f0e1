using Magma.Market.Data;
using Magma.Market.Orders;
using Microsoft.EntityFrameworkCore;

namespace Magma.Market.Offers;

/// <summary>Liquidity locked per offer, summed over its orders by the (offer, status) index.</summary>
public static class OfferLiquidity
{
    private static readonly List<OrderStatus> Releasing = OrderStatuses.Failures.ToList();

    public static async Task<Dictionary<string, (long Locked, long Filled)>> For(MarketDbContext db, IReadOnlyCollection<string> offerIds)
    {
        var ids = offerIds.ToList();
        var rows = await db.Orders
            .Where(o => ids.Contains(o.OfferId) && !Releasing.Contains(o.Status))
            .GroupBy(o => o.OfferId)
            .Select(g => new { OfferId = g.Key, Locked = g.Sum(o => o.SizeSat), Filled = g.Count(o => o.Status == OrderStatus.ChannelMonitoringFinished || o.Status == OrderStatus.ValidChannelOpening) })
            .ToListAsync();
        return rows.ToDictionary(r => r.OfferId, r => (r.Locked, (long)r.Filled));
    }

    public static async Task<long> Available(MarketDbContext db, Offer offer) =>
        offer.TotalSizeSat - ((await For(db, [offer.Id])).TryGetValue(offer.Id, out var row) ? row.Locked : 0);
}
