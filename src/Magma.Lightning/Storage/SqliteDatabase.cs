using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Magma.Lightning.Storage;

/// <summary>
/// Magma's SQLite file. Reads use their own pooled read-only connections. Every write is a unit of
/// work queued to a single writer connection, which runs all queued units in one transaction, each in
/// its own savepoint, and commits once: a group commit. One fsync then acknowledges many writes, which
/// is what makes synchronous=FULL affordable, and a single writer means no SQLITE_BUSY between writers.
/// A unit must only touch the database: never call the Lightning node or another Write from inside one.
/// </summary>
public sealed partial class SqliteDatabase : IAsyncDisposable
{
    private readonly Channel<WriteUnit> _queue = Channel.CreateUnbounded<WriteUnit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _writer;
    private readonly UnitSavepoints _savepoints;
    private readonly WalCheckpointer? _checkpointer;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread _writerThread;
    private readonly TaskCompletionSource _writerStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static readonly AsyncLocal<WriteUnit?> CurrentUnit = new();

    public SqliteDatabase(SqliteOptions options, ILogger<SqliteDatabase>? logger = null)
    {
        // Before the first connection: the bundled SQLite would otherwise turn every lock wait into a whole second.
        SqlitePreciseSleep.Ensure();
        _logger = logger ?? NullLogger<SqliteDatabase>.Instance;
        _maxBatchSize = Math.Max(1, options.MaxBatchSize);
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString) { ForeignKeys = true, Pooling = true };
        EnsureDirectoryExists(builder.DataSource);
        WriteConnectionString = builder.ConnectionString;
        builder.Mode = SqliteOpenMode.ReadOnly;
        ReadConnectionString = builder.ConnectionString;
        _preparedReads = new PreparedReads(ReadConnectionString);

        _writer = new SqliteConnection(WriteConnectionString);
        _writer.Open();
        var journal = Scalar(_writer, "PRAGMA journal_mode=WAL;");
        var synchronous = ValidSynchronous(options.Synchronous);
        Execute(_writer, $"PRAGMA synchronous={synchronous};");
        // Only another process (an operator's sqlite3 shell, a backup) can make the single writer wait for a lock.
        SqlitePreciseSleep.SetBusyTimeout(_writer, TimeSpan.FromSeconds(10));
        // Every write goes through this one connection: keep the hot pages (indexes on statuses and deadlines) in
        // its cache instead of SQLite's 2 MB default, and read the file through a memory map rather than read(2).
        Execute(_writer, "PRAGMA cache_size=-65536;");
        Execute(_writer, "PRAGMA mmap_size=268435456;");
        Execute(_writer, "PRAGMA temp_store=MEMORY;");
        _savepoints = new UnitSavepoints(_writer);
        // Checkpoints run beside the writer, not in its commits (WalCheckpointer). An in-memory database has no WAL.
        if (string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
        {
            Execute(_writer, "PRAGMA wal_autocheckpoint=0;");
            _checkpointer = new WalCheckpointer(_writer, WriteConnectionString, synchronous, options.CheckpointPages, _logger);
        }
        // The writer never stops working while there is load and blocks in every commit's fsync: a thread of its own,
        // not a pool thread. On the pool, each time its queue ran dry its continuation waited behind every queued
        // request continuation before it could take the next batch.
        _writerThread = new Thread(RunWriter) { IsBackground = true, Name = "SQLite writer" };
        _writerThread.Start();
    }

    public string WriteConnectionString { get; }

    /// <summary>Read-only: a stray write on a read connection fails instead of bypassing the writer.</summary>
    public string ReadConnectionString { get; }

    /// <summary>Queues a unit of work; the task completes once the batch holding it is durably committed.</summary>
    public Task<T> Write<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work)
    {
        var unit = new WriteUnit<T>(work);
        if (!_queue.Writer.TryWrite(unit))
            throw new ObjectDisposedException(nameof(SqliteDatabase));
        return unit.Task;
    }

    /// <summary>
    /// Inside a unit of work: runs <paramref name="action"/> once the unit's batch has durably committed, and
    /// not at all if the unit fails. Outside a unit: runs it now. Use it to announce what a unit wrote.
    /// </summary>
    public static void AfterCommit(Action action)
    {
        if (CurrentUnit.Value is { } unit)
            unit.AddAfterCommit(action);
        else
            action();
    }

    public async Task<SqliteConnection> OpenReadConnection(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ReadConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private void RunWriter()
    {
        try
        {
            var batch = new List<WriteUnit>(_maxBatchSize);
            var reader = _queue.Reader;
            while (UnitsQueued(reader))
            {
                while (batch.Count < _maxBatchSize && reader.TryRead(out var unit))
                    batch.Add(unit);
                CommitBatch(batch);
                batch.Clear();
            }
        }
        finally
        {
            _writerStopped.SetResult();
        }
    }

    // Blocks the writer's own thread until a unit is queued; false once the queue is closed and empty.
    private static bool UnitsQueued(ChannelReader<WriteUnit> reader)
    {
        var queued = reader.WaitToReadAsync(CancellationToken.None);
        return queued.IsCompleted ? queued.Result : queued.AsTask().GetAwaiter().GetResult();
    }

    private void CommitBatch(List<WriteUnit> batch)
    {
        Exception? batchFailure = null;
        try
        {
            using var transaction = _writer.BeginTransaction();
            for (var i = 0; i < batch.Count; i++)
            {
                _savepoints.Begin(transaction);
                CurrentUnit.Value = batch[i];
                try
                {
                    // Units only touch the database, which completes synchronously; should one await something else,
                    // the writer waits for it, as it must before the next unit.
                    batch[i].Execute(_writer, transaction, _stopping.Token).GetAwaiter().GetResult();
                    _savepoints.Release(transaction);
                }
                catch (Exception)
                {
                    // The unit's own exception is reported to its caller; its writes are undone, the batch goes on.
                    _savepoints.Undo(transaction);
                }
                finally
                {
                    CurrentUnit.Value = null;
                }
            }
            transaction.Commit();
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A write batch of {Count} units failed to commit", batch.Count);
            batchFailure = ex;
        }
        foreach (var unit in batch)
        {
            try
            {
                unit.Complete(batchFailure);
            }
            catch (Exception ex)
            {
                // An announcement that throws must not stop the writer thread, and with it every later write.
                _logger.LogError(ex, "An after-commit action failed; the unit itself committed");
            }
        }
        // After the acknowledgements: a checkpoint the writer must finish itself delays the next batch, not this one.
        _checkpointer?.Committed();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writerStopped.Task;
        _stopping.Cancel();
        _preparedReads.Dispose();
        _checkpointer?.Dispose();
        _preparedInserts.Dispose();
        _savepoints.Dispose();
        if (_checkpointer is not null)
            CheckpointAtStop();
        _writer.Dispose();
        _stopping.Dispose();
        SqliteConnection.ClearAllPools();
    }

    // A clean stop leaves every commit in the database file and an empty WAL. SQLite's own checkpoint on close does
    // not: the read-only connections close last, and they cannot checkpoint.
    private void CheckpointAtStop()
    {
        try
        {
            Execute(_writer, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        catch (SqliteException ex)
        {
            _logger.LogWarning(ex, "The checkpoint at stop failed; the WAL is replayed at the next start");
        }
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }

    private static string ValidSynchronous(string value) =>
        value.ToUpperInvariant() is "OFF" or "NORMAL" or "FULL" or "EXTRA"
            ? value.ToUpperInvariant()
            : throw new InvalidOperationException($"Storage:Synchronous must be OFF, NORMAL, FULL or EXTRA, not '{value}'.");

    private static void EnsureDirectoryExists(string dataSource)
    {
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
            return;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
    }
}
