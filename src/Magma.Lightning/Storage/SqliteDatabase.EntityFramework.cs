using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Magma.Lightning.Storage;

public sealed partial class SqliteDatabase
{
    // Contexts are pooled. A fresh DbContext builds its own internal service scope, hashes its options and registers
    // SQLite functions on its connection; measured on create_order that was several hundred microseconds and tens of
    // kilobytes per context, and every write unit and read takes one. A pooled context keeps all of that.
    private readonly ConcurrentDictionary<Type, object> _writerContexts = new();
    private readonly ConcurrentDictionary<Type, object> _readerContexts = new();
    private readonly PreparedInserts _preparedInserts = new();

    /// <summary>
    /// Queues a unit of work on an EF context bound to the writer's batch transaction. Call
    /// SaveChanges inside; the caller's task completes after the batch commit.
    /// </summary>
    public Task<T> Write<TContext, T>(Func<TContext, Task<T>> work) where TContext : DbContext =>
        Write(async (connection, transaction) =>
        {
            var contexts = (PooledDbContextFactory<TContext>)_writerContexts.GetOrAdd(typeof(TContext),
                _ => new PooledDbContextFactory<TContext>(new DbContextOptionsBuilder<TContext>().UseSqlite(connection).AddInterceptors(_preparedInserts).Options));
            await using var context = contexts.CreateDbContext();
            context.Database.UseTransaction(transaction);
            var succeeded = false;
            try
            {
                var result = await work(context);
                succeeded = true;
                return result;
            }
            finally
            {
                try
                {
                    UnitRows.EndUnit(context, succeeded);
                }
                finally
                {
                    // Unbind before the context goes back to the pool: the next unit brings the next batch's transaction.
                    context.Database.UseTransaction(null);
                }
            }
        });

    public Task Write<TContext>(Func<TContext, Task> work) where TContext : DbContext =>
        Write<TContext, bool>(async context =>
        {
            await work(context);
            return true;
        });

    /// <summary>A no-tracking context on a read-only connection; dispose it when done, which returns it to the pool.</summary>
    public TContext Read<TContext>() where TContext : DbContext
    {
        var contexts = (PooledDbContextFactory<TContext>)_readerContexts.GetOrAdd(typeof(TContext),
            _ => new PooledDbContextFactory<TContext>(new DbContextOptionsBuilder<TContext>()
                .UseSqlite(ReadConnectionString)
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                .Options));
        return contexts.CreateDbContext();
    }
}
