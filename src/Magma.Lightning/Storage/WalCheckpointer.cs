using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace Magma.Lightning.Storage;

/// <summary>
/// Copies the WAL back into the database file beside the writer instead of inside it. SQLite's automatic checkpoint
/// runs on the committing connection: every thousand WAL pages the single writer stopped to write and fsync the
/// database file, about a sixth of its time under load, and every unit queued behind it waited. Here a thread of its
/// own does that on its own connection while the writer goes on.
/// <para>
/// A WAL only starts over from its beginning once it has been wholly copied back, and a checkpoint beside a busy
/// writer never quite catches up. So once the WAL is four passes long, one more background pass copies nearly all of
/// it and the writer, between two batches, copies what arrived during that pass. The WAL stays bounded as with
/// SQLite's own checkpoint, and the writer's share is a few milliseconds of commits instead of every page.
/// </para>
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    private readonly SqliteConnection _writer;
    private readonly SqliteConnection _connection;
    private readonly int _passPages;
    private readonly int _assistPages;
    private readonly SemaphoreSlim _due = new(0, 1);
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private volatile bool _passRunning;
    private volatile int _passesDone;

    // Writer-side counts of WAL pages appended, since the last pass was asked for and since the WAL last started over.
    private int _sincePass;
    private int _sinceStart;
    private int? _assistAfterPass;

    public WalCheckpointer(SqliteConnection writer, string connectionString, string synchronous, int passPages, ILogger logger)
    {
        _writer = writer;
        _logger = logger;
        _passPages = Math.Max(1, passPages);
        _assistPages = 4 * _passPages;
        SqliteDatabase.Execute(writer, "PRAGMA wal_autocheckpoint=0;");
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
        _sincePass += written;
        _sinceStart += written;
        if (_sinceStart < _assistPages)
        {
            if (_sincePass >= _passPages)
                RequestPass();
            return;
        }

        if (_assistAfterPass is null)
        {
            _assistAfterPass = _passesDone + 1;
            RequestPass();
            return;
        }
        // While a pass runs the writer's checkpoint would only get SQLITE_BUSY; it helps once that pass is over. A
        // checkpoint thread that falls far behind (starved of CPU, say) must not let the WAL grow without bound.
        var overdue = _sinceStart >= 2 * _assistPages;
        if (!overdue && (_passesDone < _assistAfterPass || _passRunning))
            return;
        // Not complete while a reader still reads from pages this copy would overwrite: the next batch tries again.
        if (Checkpoint(_writer) is true)
        {
            _sinceStart = 0;
            _assistAfterPass = null;
        }
    }

    private void RequestPass()
    {
        _sincePass = 0;
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
            Checkpoint(_connection);
            _passRunning = false;
            _passesDone++;
        }
    }

    /// <summary>A PASSIVE checkpoint, which never waits on readers or the writer: true when the whole WAL is copied.</summary>
    private bool? Checkpoint(SqliteConnection connection)
    {
        var rc = raw.sqlite3_wal_checkpoint_v2(connection.Handle, null, raw.SQLITE_CHECKPOINT_PASSIVE, out var pages, out var copied);
        if (rc == raw.SQLITE_OK)
            return copied == pages;
        // BUSY: the other side is checkpointing right now, which does the same work.
        if (rc != raw.SQLITE_BUSY)
            _logger.LogWarning("A WAL checkpoint failed with SQLite code {Code}; the next one retries", rc);
        return null;
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
