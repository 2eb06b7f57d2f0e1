using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Magma.Lightning.Storage;

public sealed partial class SqliteDatabase
{
    private readonly ConcurrentDictionary<Type, object> _writerOptions = new();
    private readonly ConcurrentDictionary<Type, object> _readerOptions = new();

    /// <summary>
    /// Queues a unit of work on an EF context bound to the writer's batch transaction. Call
    /// SaveChanges inside; the caller's task completes after the batch commit.
    /// </summary>
    public Task<T> Write<TContext, T>(Func<TContext, Task<T>> work) where TContext : DbContext =>
        Write(async (connection, transaction) =>
        {
            var options = (DbContextOptions<TContext>)_writerOptions.GetOrAdd(typeof(TContext),
                _ => new DbContextOptionsBuilder<TContext>().UseSqlite(connection).Options);
            await using var context = ContextConstructor<TContext>.Create(options);
            context.Database.UseTransaction(transaction);
            return await work(context);
        });

    public Task Write<TContext>(Func<TContext, Task> work) where TContext : DbContext =>
        Write<TContext, bool>(async context =>
        {
            await work(context);
            return true;
        });

    /// <summary>A no-tracking context on a read-only connection; dispose it when done.</summary>
    public TContext Read<TContext>() where TContext : DbContext
    {
        var options = (DbContextOptions<TContext>)_readerOptions.GetOrAdd(typeof(TContext),
            _ => new DbContextOptionsBuilder<TContext>()
                .UseSqlite(ReadConnectionString)
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                .Options);
        return ContextConstructor<TContext>.Create(options);
    }

    /// <summary>Builds contexts through their (DbContextOptions&lt;T&gt;) constructor without per-call reflection.</summary>
    private static class ContextConstructor<TContext> where TContext : DbContext
    {
        public static readonly Func<DbContextOptions<TContext>, TContext> Create = Compile();

        private static Func<DbContextOptions<TContext>, TContext> Compile()
        {
            var constructor = typeof(TContext).GetConstructor([typeof(DbContextOptions<TContext>)])
                ?? throw new InvalidOperationException($"{typeof(TContext).Name} needs a public constructor taking DbContextOptions<{typeof(TContext).Name}>.");
            var options = Expression.Parameter(typeof(DbContextOptions<TContext>));
            return Expression.Lambda<Func<DbContextOptions<TContext>, TContext>>(Expression.New(constructor, options), options).Compile();
        }
    }
}
