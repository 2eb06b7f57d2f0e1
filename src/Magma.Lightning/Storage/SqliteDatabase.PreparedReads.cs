using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Magma.Lightning.Storage;

public sealed partial class SqliteDatabase
{
    private readonly PreparedReads _preparedReads;
    private readonly ConcurrentDictionary<(Type Context, Type Entity), EntityRowReader> _rowReaders = new();

    /// <summary>
    /// A hot read outside EF: <paramref name="sql"/> with positional parameters <c>$p0</c>, <c>$p1</c>, …, prepared
    /// once per pooled read connection; <paramref name="read"/> maps each row.
    /// </summary>
    public Task<List<T>> Query<T>(string sql, Func<SqliteDataReader, T> read, params object?[] args) =>
        _preparedReads.Query(sql, read, args, CancellationToken.None);

    /// <summary>
    /// The <typeparamref name="TEntity"/> rows matching <paramref name="where"/> (SQL after WHERE, parameters
    /// <c>$p0</c>, …), read through a prepared statement and mapped as <typeparamref name="TContext"/>'s model maps them.
    /// </summary>
    public async Task<List<TEntity>> Rows<TContext, TEntity>(string where, params object?[] args) where TContext : DbContext where TEntity : class
    {
        var rows = _rowReaders.GetOrAdd((typeof(TContext), typeof(TEntity)), _ =>
        {
            using var context = Read<TContext>();
            return new EntityRowReader(context.Model.FindEntityType(typeof(TEntity))
                ?? throw new InvalidOperationException($"{typeof(TContext).Name} does not map {typeof(TEntity).Name}."));
        });
        return await _preparedReads.Query(rows.Select + " WHERE " + where, r => (TEntity)rows.Read(r), args, CancellationToken.None);
    }
}
