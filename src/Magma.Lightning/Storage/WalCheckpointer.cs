using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace Magma.Lightning.Storage;

/// <summary>
/// Copies the WAL back into the database file beside the writer instead of inside it. SQLite's automatic checkpoint
/// runs on the committing connection: every thousand WAL pages the single writer stopped to write and fsync the
/// database file, about a sixth of its time under load, and every unit queued behind it waited. Here a thread of its
/// own does that on its own connection while the writer goes on. The writer must have its automatic checkpoint off.
/// <para>
/// A WAL only starts over from its beginning once it has been wholly copied back, and a checkpoint beside a busy
/// writer never quite catches up. So once the WAL is four passes long, one more background pass copies nearly all of
/// it and the writer, between two batches, copies what arrived during that pass. A reader still reading an older
/// snapshot can keep the WAL from starting over, as with SQLite's own checkpoint; then the cycle repeats after the
/// next pass instead of the writer checkpointing after every batch.
/// </para>
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    private readonly SqliteConnection _writer;
    private readonly SqliteConnection _connection;
    private readonly int _passPages;
    private readonly int _assistPages;
    private readonly SemaphoreSlim _due = new(0, 1);
    // One checkpoint at a time: a second one would only get SQLITE_BUSY.
    private readonly Lock _checkpointing = new();
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private volatile bool _passRunning;
    private volatile int _passesDone;
    private volatile int _lastPassWalPages;

    // Writer-side state. The WAL's length is estimated from the pages the writer appended and corrected by what each
    // checkpoint reports, so a start-over that SQLite skipped (or one that happened on its own) is noticed.
    private int _sincePassRequested;
    private int _walPages;
    private int _passesSeen;
    private int? _assistAfterPass;

    public WalCheckpointer(SqliteConnection writer, string connectionString, string synchronous, int passPages, ILogger logger)
    {
        _writer = writer;
        _logger = logger;
        _passPages = passPages > 0 ? passPages : throw new ArgumentOutOfRangeException(nameof(passPages), "Storage:CheckpointPages must be positive.");
        _assistPages = 4 * _passPages;
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        // The checkpoint fsyncs the database file as the writer's own setting would.
        SqliteDatabase.Execute(_connection, $"PRAGMA synchronous={synchronous};");
        // A blocking loop: a thread of its own rather than a pool thread held for each multi-millisecond copy.
        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite WAL checkpointer" };
        _thread.Start();
    }

    /// <summary>On the writer, after each commit: counts the pages it appended and does or asks for what is due.</summary>
    public void Committed()
    {
        raw.sqlite3_db_status(_writer.Handle, raw.SQLITE_DBSTATUS_CACHE_WRITE, out var written, out _, 1);
        _sincePassRequested += written;
        _walPages += written;
        if (_passesSeen != _passesDone)
        {
            _passesSeen = _passesDone;
            _walPages = _lastPassWalPages + _sincePassRequested;
        }

        if (_walPages < _assistPages)
        {
            if (_sincePassRequested >= _passPages)
                RequestPass();
            return;
        }
        if (_assistAfterPass is null)
        {
            RequestAssistedPass();
            return;
        }
        // The writer helps once the pass it asked for is over. A checkpoint thread that falls far behind (starved of
        // CPU, or outrun by a writer with fsync off) must not let the WAL grow without bound: then the writer waits
        // for the running pass and copies the rest itself, holding back new commits as SQLite's own checkpoint does.
        var overdue = _walPages >= 2 * _assistPages;
        if (!overdue && (_passesDone < _assistAfterPass || _passRunning))
            return;
        var (complete, walPages) = overdue ? CheckpointWhenFree(_writer) : CheckpointIfFree(_writer);
        if (complete)
        {
            // The next write starts the WAL over, unless a reader still holds an older snapshot; the next pass's
            // report corrects the estimate either way.
            _walPages = 0;
            _assistAfterPass = null;
        }
        else
        {
            _walPages = Math.Max(walPages, _walPages);
            RequestAssistedPass();
        }
    }

    // The pass the writer waits for must start after now: a pass already running began before these pages.
    private void RequestAssistedPass()
    {
        _assistAfterPass = _passesDone + (_passRunning ? 2 : 1);
        RequestPass();
    }

    private void RequestPass()
    {
        _sincePassRequested = 0;
        if (_due.CurrentCount == 0)
            _due.Release();
    }

    private void Run()
    {
        while (true)
        {
            _due.Wait();
            if (_stopping)
                return;
            _passRunning = true;
            var (_, walPages) = CheckpointWhenFree(_connection);
            _lastPassWalPages = walPages;
            _passRunning = false;
            _passesDone++;
        }
    }

    private (bool Complete, int WalPages) CheckpointWhenFree(SqliteConnection connection)
    {
        lock (_checkpointing)
            return Checkpoint(connection);
    }

    private (bool Complete, int WalPages) CheckpointIfFree(SqliteConnection connection)
    {
        if (!_checkpointing.TryEnter())
            return (false, 0);
        try
        {
            return Checkpoint(connection);
        }
        finally
        {
            _checkpointing.Exit();
        }
    }

    /// <summary>A PASSIVE checkpoint, which never waits on readers or the writer: whether the whole WAL is now copied,
    /// and how many pages it held (0 when unknown).</summary>
    private (bool Complete, int WalPages) Checkpoint(SqliteConnection connection)
    {
        var rc = raw.sqlite3_wal_checkpoint_v2(connection.Handle, null, raw.SQLITE_CHECKPOINT_PASSIVE, out var pages, out var copied);
        if (rc == raw.SQLITE_OK)
            return (copied == pages, Math.Max(0, pages));
        // BUSY: another connection (not Magma's) is checkpointing right now.
        if (rc != raw.SQLITE_BUSY)
            _logger.LogWarning("A WAL checkpoint failed with SQLite code {Code}; the next one retries", rc);
        return (false, 0);
    }

    public void Dispose()
    {
        _stopping = true;
        if (_due.CurrentCount == 0)
            _due.Release();
        _thread.Join();
        _connection.Dispose();
        _due.Dispose();
    }
}
