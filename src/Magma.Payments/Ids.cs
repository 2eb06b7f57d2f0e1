using Magma.Payments.Errors;

namespace Magma.Payments;

/// <summary>Identifiers are lowercase UUIDs; malformed ones are rejected before any lookup.</summary>
public static class Ids
{
    /// <summary>
    /// A version 7 UUID: it begins with the row's creation time in milliseconds (UTC ticks, whatever the kind), so new
    /// ids sort after old ones. A random id sends every insert, into the table and each index keyed by it, to a random
    /// B-tree page, and each such page is a 4 KB frame in that batch's WAL commit; time-ordered ids append to the same
    /// few pages instead. The timestamp reveals nothing that <c>created_at</c> does not already show. The other 74 bits
    /// come from the OS's secure generator, as NewGuid's do: an LSPS1 order id is what lets a buyer read the order, and
    /// 2^74 guesses stay out of reach.
    /// </summary>
    public static string New(DateTime createdAt) => Guid.CreateVersion7(new DateTimeOffset(createdAt.Ticks, TimeSpan.Zero)).ToString();

    public static string Require(string? value, string property)
    {
        if (value is null || !Guid.TryParse(value, out var guid))
            throw new MagmaException(PaymentErrors.InvalidId, "Invalid ID", property);
        return guid.ToString();
    }
}
