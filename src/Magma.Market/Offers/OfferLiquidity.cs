using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Orders;
using Microsoft.EntityFrameworkCore;

namespace Magma.Market.Offers;

/// <summary>
/// Liquidity locked per offer, kept as a counter on the offer row. An order locks its size in the unit that creates
/// it, with a conditional UPDATE that fails rather than oversell, and releases it in the unit that fails it. The
/// counter makes placement cost the same with a hundred thousand finished orders as with none.
/// </summary>
public static class OfferLiquidity
{
    /// <summary>Locks <paramref name="sizeSat"/> on the offer if that much is still free; false when it is not.</summary>
    /// <remarks>Every order placement runs this: a statement prepared once on the writer, not an EF raw command.</remarks>
    public static async Task<bool> TryLock(MarketDbContext db, string offerId, long sizeSat) =>
        await db.ExecuteAsync("UPDATE offers SET locked_sat = locked_sat + $p0 WHERE id = $p1 AND total_size_sat - locked_sat >= $p0", sizeSat, offerId) == 1;

    public static Task Release(MarketDbContext db, string offerId, long sizeSat) =>
        db.ExecuteAsync("UPDATE offers SET locked_sat = MAX(0, locked_sat - $p0) WHERE id = $p1", sizeSat, offerId);

    /// <summary>Filled orders per offer (channels that opened), for offer views; by the (offer, status) index.</summary>
    public static async Task<Dictionary<string, long>> Filled(MarketDbContext db, IReadOnlyCollection<string> offerIds)
    {
        var ids = offerIds.ToList();
        var rows = await db.Orders
            .Where(o => ids.Contains(o.OfferId) && (o.Status == OrderStatus.ChannelMonitoringFinished || o.Status == OrderStatus.ValidChannelOpening))
            .GroupBy(o => o.OfferId)
            .Select(g => new { OfferId = g.Key, Filled = g.Count() })
            .ToListAsync();
        return rows.ToDictionary(r => r.OfferId, r => (long)r.Filled);
    }
}
