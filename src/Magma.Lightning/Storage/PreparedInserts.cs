using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Magma.Lightning.Storage;

/// <summary>
/// Writes the new rows of a unit's SaveChanges through one prepared INSERT per entity type, built once from the EF
/// model and kept on the writer connection. EF builds a fresh command and SQL text for every row it inserts, and
/// SQLite parses each of them again; on the single writer that was most of what a unit cost. Updates and deletes,
/// with their concurrency tokens, are left to EF, which sees the inserted rows as unchanged.
/// </summary>
internal sealed class PreparedInserts : SaveChangesInterceptor, IDisposable
{
    private readonly Dictionary<IEntityType, RowInserter> _inserters = [];
    private readonly Dictionary<IEntityType, int> _depths = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var tracker = eventData.Context!.ChangeTracker;
        // EF calls this before its own change detection: detect once here, and not again for each listing below.
        tracker.DetectChanges();
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var entries = tracker.Entries().ToList();
            var rows = entries.Where(e => e.State == EntityState.Added).Select(e => new NewRow(e.Entity, e.Metadata, e))
                .Concat(UnitRows.Take(eventData.Context).Select(entity => new NewRow(entity, EntityType(eventData.Context, entity), null)))
                .ToList();
            if (rows.Count == 0)
                return result;
            var transaction = (SqliteTransaction)(eventData.Context.Database.CurrentTransaction?.GetDbTransaction()
                ?? throw new InvalidOperationException("A write unit saves inside the writer's batch transaction."));
            // Principals before dependents, as EF orders them: foreign keys are enforced on every statement. The sort
            // is stable: within one table, EF's added rows go first, then queued rows in the order they were queued.
            foreach (var row in rows.OrderBy(r => Depth(r.Type)))
            {
                Inserter(row.Type).Insert(row.Entity, row.Entry, transaction);
                if (row.Entry is not null)
                    row.Entry.State = EntityState.Unchanged;
            }
            return entries.Any(e => e.State is EntityState.Modified or EntityState.Deleted)
                ? result
                : InterceptionResult<int>.SuppressWithResult(rows.Count);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new InvalidOperationException("Write units save with SaveChangesAsync.");

    /// <summary>Finalizes the statements; before the writer connection closes, which cannot close with them open.</summary>
    public void Dispose()
    {
        foreach (var inserter in _inserters.Values)
            inserter.Dispose();
        _inserters.Clear();
    }

    private static IEntityType EntityType(DbContext context, object entity) =>
        context.Model.FindEntityType(entity.GetType())
        ?? throw new InvalidOperationException($"{entity.GetType().Name} is not an entity of {context.GetType().Name}.");

    /// <summary>A row to insert: an entity EF tracks as added (with its entry) or one the unit queued (without).</summary>
    private readonly record struct NewRow(object Entity, IEntityType Type, EntityEntry? Entry);

    private RowInserter Inserter(IEntityType type)
    {
        if (!_inserters.TryGetValue(type, out var inserter))
            _inserters[type] = inserter = new RowInserter(type);
        return inserter;
    }

    private int Depth(IEntityType type)
    {
        if (_depths.TryGetValue(type, out var depth))
            return depth;
        depth = type.GetForeignKeys()
            .Select(fk => fk.PrincipalEntityType)
            .Where(principal => principal != type)
            .Select(principal => Depth(principal) + 1)
            .DefaultIfEmpty(0)
            .Max();
        return _depths[type] = depth;
    }

    /// <summary>
    /// One entity type's INSERT as a statement prepared on the writer connection and bound by position: its columns,
    /// their type mappings (which apply the value converters), and the store-generated key, if any, read back with
    /// RETURNING.
    /// </summary>
    private sealed class RowInserter : IDisposable
    {
        private readonly IProperty[] _columns;
        private readonly RelationalTypeMapping[] _mappings;
        private readonly IProperty? _generatedKey;
        private readonly IClrPropertyGetter[] _getters;
        private readonly IProperty? _shadowColumn;
        private readonly string _table;
        private readonly string _sql;
        private sqlite3_stmt? _statement;

        public RowInserter(IEntityType type)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            _generatedKey = type.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] ? key : null;
            // A generated key is read back after the row is written; nothing may point at it before that.
            if (_generatedKey is not null && type.GetReferencingForeignKeys().Any())
                throw new NotSupportedException($"{type.DisplayName()} has a store-generated key that other tables reference; give it a client-side key.");
            _columns = type.GetProperties().Where(p => p != _generatedKey).ToArray();
            _mappings = _columns.Select(p => p.GetRelationalTypeMapping()).ToArray();
            _getters = _columns.Select(p => p.IsShadowProperty() ? null! : p.GetGetter()).ToArray();
            _shadowColumn = _columns.FirstOrDefault(p => p.IsShadowProperty()) ?? (_generatedKey?.PropertyInfo is null ? _generatedKey : null);
            _table = table.Name;
            if (_columns.FirstOrDefault(c => !RawValueBinder.Supports(c)) is { } unbindable)
                throw new NotSupportedException($"{type.DisplayName()}.{unbindable.Name} is stored as {RawValueBinder.StoredType(unbindable)}, which write units cannot bind yet.");
            var names = string.Join(", ", _columns.Select(p => Quote(p.GetColumnName(table)!)));
            var values = string.Join(", ", _columns.Select((_, i) => "?" + (i + 1)));
            _sql = $"INSERT INTO {Quote(table.Name)} ({names}) VALUES ({values})"
                + (_generatedKey is null ? "" : $" RETURNING {Quote(_generatedKey.GetColumnName(table)!)}");
        }

        /// <summary>
        /// Inserts <paramref name="entity"/>: through its EF entry when tracked (which also holds shadow values), else
        /// from its CLR properties.
        /// </summary>
        public void Insert(object entity, EntityEntry? entry, SqliteTransaction transaction)
        {
            if (entry is null && _shadowColumn is { } shadow)
                throw new NotSupportedException($"{shadow.DeclaringType.DisplayName()}.{shadow.Name} is a shadow property; add the entity with EF instead.");
            var db = transaction.Connection!.Handle!;
            var statement = _statement ??= Prepare(db);
            var values = entry?.CurrentValues;
            var rc = raw.SQLITE_OK;
            for (var i = 0; i < _columns.Length && rc == raw.SQLITE_OK; i++)
            {
                var value = values is null ? _getters[i].GetClrValue(entity) : values[_columns[i]];
                if (value is not null && _mappings[i].Converter is { } converter)
                    value = converter.ConvertToProvider(value);
                rc = RawValueBinder.Bind(statement, i + 1, value);
            }
            SqliteException? failure = null;
            try
            {
                if (rc == raw.SQLITE_OK)
                    rc = raw.sqlite3_step(statement);
                if (rc == raw.SQLITE_ROW)
                {
                    SetGeneratedKey(entity, entry, raw.sqlite3_column_int64(statement, 0));
                    rc = raw.sqlite3_step(statement);
                }
                if (rc != raw.SQLITE_DONE)
                    failure = new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
            }
            finally
            {
                // Always: a statement left running would keep the unit's savepoint from being released or undone.
                raw.sqlite3_reset(statement);
            }
            // The shape EF gives a failed insert, so unique-index idempotency and error handling see no difference.
            if (failure is not null)
                throw new DbUpdateException($"Inserting into {_table} failed: {failure.Message}", failure);
        }

        public void Dispose() => _statement?.Dispose();

        private sqlite3_stmt Prepare(sqlite3 db)
        {
            var rc = raw.sqlite3_prepare_v2(db, _sql, out var statement);
            return rc == raw.SQLITE_OK ? statement : throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }

        private void SetGeneratedKey(object entity, EntityEntry? entry, long value)
        {
            var converted = Convert.ChangeType(value, Nullable.GetUnderlyingType(_generatedKey!.ClrType) ?? _generatedKey.ClrType, System.Globalization.CultureInfo.InvariantCulture);
            if (entry is null)
            {
                _generatedKey.PropertyInfo!.SetValue(entity, converted);
                return;
            }
            var key = entry.Property(_generatedKey.Name);
            key.CurrentValue = converted;
            key.IsTemporary = false;
        }

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
