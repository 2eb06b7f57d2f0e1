using Magma.Lightning.Storage;
using Magma.Testing;
using Microsoft.Data.Sqlite;

namespace Magma.Lightning.Tests.Storage;

/// <summary>
/// Checkpoints run beside the writer; these check that they happen at all, that the WAL still starts over (so it
/// stays bounded), and that nothing written is lost on the way into the database file.
/// </summary>
public sealed class WalCheckpointerTests : IAsyncLifetime
{
    private const int PassPages = 50;
    private const int PageSize = 4096;

    private readonly TemporaryDatabase _file = new();
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = Open();
        await _database.Write((c, t) => Exec(c, t, "CREATE TABLE blobs (id INTEGER PRIMARY KEY, body BLOB NOT NULL)"));
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task TheWalIsCopiedIntoTheDatabaseFileAndStartsOverInsteadOfGrowing()
    {
        // About 4,000 pages of rows, eighty times the pass size, queued at once: the writer never idles, so the WAL
        // only starts over if the writer completes the checkpoint itself.
        const int rows = 4_000;
        await Task.WhenAll(Enumerable.Range(0, rows).Select(Insert));

        // Still open: what is in the database file got there by checkpoints, not by closing the last connection.
        Assert.True(new FileInfo(_file.FilePath).Length > rows / 2 * PageSize, "checkpoints copied pages into the database file");
        // Without starting over the WAL would hold all 4,000 pages; with it, four passes and a few batches.
        Assert.InRange(WalPages(), 1, rows / 4);
        Assert.Equal(rows, await Scalar("SELECT COUNT(*) FROM blobs"));
        Assert.Equal((long)rows * (rows - 1) / 2, await Scalar("SELECT SUM(id) FROM blobs"));
        Assert.Equal("ok", await Text("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task AReaderHoldingAnOldSnapshotOnlyDelaysTheStartOver()
    {
        await using (var reader = await _database.OpenReadConnection())
        {
            await using var snapshot = await reader.BeginTransactionAsync();
            await using (var read = reader.CreateCommand())
            {
                read.CommandText = "SELECT COUNT(*) FROM blobs";
                Assert.Equal(0L, await read.ExecuteScalarAsync());
            }
            await Task.WhenAll(Enumerable.Range(0, 1_000).Select(Insert));
            // The snapshot must stay readable: nothing it reads may be overwritten, so the WAL cannot start over.
            Assert.True(WalPages() >= 1_000, "the WAL kept every page the open snapshot might need");
        }
        var pinned = WalPages();

        await Task.WhenAll(Enumerable.Range(1_000, 3_000).Select(Insert));

        // Once the reader is gone the WAL starts over again and is reused, instead of growing by 3,000 pages.
        Assert.InRange(WalPages(), 1, pinned + 4 * PassPages);
        Assert.Equal(4_000, await Scalar("SELECT COUNT(*) FROM blobs"));
    }

    [Fact]
    public async Task AStopLeavesEverythingInTheDatabaseFileAndItSurvivesReopening()
    {
        await Task.WhenAll(Enumerable.Range(0, 500).Select(Insert));
        // A read leaves a read-only connection in the pool, as a running server always has; those close last.
        Assert.Equal(500, await Scalar("SELECT COUNT(*) FROM blobs"));
        await _database.DisposeAsync();

        // A clean stop leaves everything in the database file: a copy of magma.db alone is complete.
        Assert.Equal(0, File.Exists(_file.FilePath + "-wal") ? new FileInfo(_file.FilePath + "-wal").Length : 0);
        Assert.True(new FileInfo(_file.FilePath).Length > 500 * PageSize / 2, "the rows are in the database file");

        _database = Open();

        Assert.Equal(500, await Scalar("SELECT COUNT(*) FROM blobs"));
        Assert.Equal("ok", await Text("PRAGMA integrity_check"));
    }

    // Small batches, as under real load, so that one batch is never a large share of the WAL.
    private SqliteDatabase Open() => new(new SqliteOptions
    {
        ConnectionString = _file.ConnectionString, Synchronous = "NORMAL", CheckpointPages = PassPages, MaxBatchSize = 16,
    });

    // The WAL file keeps its largest size: a 32-byte header, then a 24-byte header and a page per frame.
    private long WalPages() => (new FileInfo(_file.FilePath + "-wal").Length - 32) / (PageSize + 24);

    // A row of about one page, so pages written follow rows written.
    private Task<int> Insert(int id) => _database.Write((c, t) =>
    {
        using var command = c.CreateCommand();
        command.Transaction = t;
        command.CommandText = "INSERT INTO blobs (id, body) VALUES ($id, randomblob(3500))";
        command.Parameters.AddWithValue("$id", id);
        return Task.FromResult(command.ExecuteNonQuery());
    });

    private async Task<long> Scalar(string sql) => Convert.ToInt64(await Text(sql));

    private async Task<string> Text(string sql)
    {
        await using var connection = await _database.OpenReadConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static Task<int> Exec(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Task.FromResult(command.ExecuteNonQuery());
    }
}
