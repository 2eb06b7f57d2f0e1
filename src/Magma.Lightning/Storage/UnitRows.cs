using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Magma.Lightning.Storage;

/// <summary>
/// New rows a write unit inserts without EF tracking them, and what the unit has added so far.
/// <para>
/// <c>Insert</c> queues an entity that the unit's next SaveChangesAsync writes through the prepared inserts, with the
/// values it has by then, in foreign-key order together with EF's own added entities. EF's <c>Add</c> walks the
/// entity graph, snapshots every property, and compares each snapshot again at save; on the single writer that was
/// a quarter of what placing an order cost. Use it for rows the unit creates and does not change after it saves;
/// a queued row is not tracked afterwards, so a later edit in the same unit would not be saved.
/// </para>
/// <para>
/// <c>Tracked</c> and <c>Added</c> read EF's tracker without its change detection
/// (<c>ChangeTracker.Entries&lt;T&gt;()</c> first compares every tracked entity against its snapshot) and include
/// the queued rows. Callers only need the entities themselves or the Added state, which detection never changes.
/// </para>
/// </summary>
public static class UnitRows
{
    private static readonly ConditionalWeakTable<DbContext, List<object>> Queued = new();

    public static T Insert<T>(this DbContext db, T entity) where T : class
    {
        // Queuing the same object twice writes it once, as Add twice would.
        var queued = Queued.GetOrCreateValue(db);
        if (!queued.Any(row => ReferenceEquals(row, entity)))
            queued.Add(entity);
        return entity;
    }

    /// <summary>Every entity of a type the unit's context tracks, plus the rows it queued and has not saved yet.</summary>
    public static List<T> Tracked<T>(this DbContext db) where T : class => Entities<T>(db, addedOnly: false);

    /// <summary>The entities of a type the unit added and has not saved yet, tracked or queued.</summary>
    public static List<T> Added<T>(this DbContext db) where T : class => Entities<T>(db, addedOnly: true);

    /// <summary>The queued rows, which the caller now inserts; the queue is empty afterwards.</summary>
    internal static List<object> Take(DbContext db)
    {
        if (!Queued.TryGetValue(db, out var queued) || queued.Count == 0)
            return [];
        var rows = queued.ToList();
        queued.Clear();
        return rows;
    }

    /// <summary>
    /// At the end of a unit: a successful unit must have saved every row it queued, since a pooled context would
    /// otherwise carry them into the next unit, and they would be silently lost. Always clears the queue.
    /// </summary>
    internal static void EndUnit(DbContext db, bool succeeded)
    {
        if (!Queued.TryGetValue(db, out var queued) || queued.Count == 0)
            return;
        var unsaved = queued.Count;
        queued.Clear();
        if (succeeded)
            throw new InvalidOperationException($"The write unit queued {unsaved} new rows with Insert and never saved them; call SaveChangesAsync.");
    }

    private static List<T> Entities<T>(DbContext db, bool addedOnly) where T : class
    {
        var tracker = db.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        List<T> entities;
        try
        {
            entities = tracker.Entries<T>().Where(e => !addedOnly || e.State == EntityState.Added).Select(e => e.Entity).ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
        if (Queued.TryGetValue(db, out var queued))
            entities.AddRange(queued.OfType<T>());
        return entities;
    }
}
