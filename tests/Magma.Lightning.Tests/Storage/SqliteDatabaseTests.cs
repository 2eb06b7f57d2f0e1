using Magma.Lightning.Storage;
using Magma.Testing;
using Microsoft.Data.Sqlite;

namespace Magma.Lightning.Tests.Storage;

public sealed class SqliteDatabaseTests : IAsyncLifetime
{
    private readonly TemporaryDatabase _file = new();
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(new SqliteOptions { ConnectionString = _file.ConnectionString, Synchronous = "NORMAL" });
        await _database.Write((c, t) => Exec(c, t, "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"));
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task ConcurrentWritesAllCommit()
    {
        var writes = Enumerable.Range(0, 200).Select(i => _database.Write((c, t) => Exec(c, t, $"INSERT INTO items (name) VALUES ('item-{i}')")));
        await Task.WhenAll(writes);

        Assert.Equal(200, await Count());
    }

    [Fact]
    public async Task AFailingUnitIsUndoneWithoutHarmingTheOthersInItsBatch()
    {
        var first = _database.Write((c, t) => Exec(c, t, "INSERT INTO items (name) VALUES ('same')"));
        var duplicate = _database.Write(async (c, t) =>
        {
            await Exec(c, t, "INSERT INTO items (name) VALUES ('written-then-undone')");
            return await Exec(c, t, "INSERT INTO items (name) VALUES ('same')");
        });
        var third = _database.Write((c, t) => Exec(c, t, "INSERT INTO items (name) VALUES ('other')"));

        await first;
        var error = await Assert.ThrowsAsync<SqliteException>(() => duplicate);
        await third;

        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT: the unique index decides, not a prior check
        Assert.Equal(2, await Count());
        Assert.Equal(0, await Count("name = 'written-then-undone'"));
    }

    /// <summary>
    /// A unit that rewrites megabytes of existing pages journals every one of them for its savepoint. SQLite's unix
    /// VFS writes at most 128 KB per call, so a journal kept in larger in-memory chunks fails with SQLITE_FULL the
    /// moment it spills to a file (tried, see docs/benchmarks.md); the writer keeps SQLite's own journal settings.
    /// </summary>
    [Fact]
    public async Task AUnitThatRewritesMegabytesIsUndoneWhenItFailsAndItsBatchCommits()
    {
        await _database.Write((c, t) => Exec(c, t, """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
            INSERT INTO items (name) SELECT printf('%.1000c', 'a') || i FROM n;
            """));

        var large = _database.Write<int>(async (c, t) =>
        {
            await Exec(c, t, "UPDATE items SET name = printf('%.1000c', 'b') || id");
            throw new InvalidOperationException("fails after rewriting every page");
        });
        var next = _database.Write((c, t) => Exec(c, t, "INSERT INTO items (name) VALUES ('next')"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => large);
        await next;
        Assert.Equal(3000, await Count("name LIKE 'a%'"));
        Assert.Equal(1, await Count("name = 'next'"));

        await _database.Write((c, t) => Exec(c, t, "UPDATE items SET name = printf('%.1000c', 'c') || id"));
        Assert.Equal(3001, await Count("name LIKE 'c%'"));
    }

    [Fact]
    public async Task AfterCommitActionsRunOnlyForUnitsThatCommitted()
    {
        var announced = new List<string>();

        await _database.Write(async (c, t) =>
        {
            SqliteDatabase.AfterCommit(() => announced.Add("committed"));
            return await Exec(c, t, "INSERT INTO items (name) VALUES ('a')");
        });
        await Assert.ThrowsAsync<SqliteException>(() => _database.Write(async (c, t) =>
        {
            SqliteDatabase.AfterCommit(() => announced.Add("rolled back"));
            return await Exec(c, t, "INSERT INTO items (name) VALUES ('a')");
        }));

        Assert.Equal(["committed"], announced);
    }

    [Fact]
    public async Task AnAfterCommitActionThatThrowsNeitherHidesTheCommitNorStopsTheWriter()
    {
        var announced = new List<string>();

        var written = await _database.Write(async (c, t) =>
        {
            SqliteDatabase.AfterCommit(() => throw new InvalidOperationException("announcement failed"));
            SqliteDatabase.AfterCommit(() => announced.Add("second"));
            return await Exec(c, t, "INSERT INTO items (name) VALUES ('announced badly')");
        }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, written);
        Assert.Equal(["second"], announced);
        Assert.Equal(1, await _database.Write((c, t) => Exec(c, t, "INSERT INTO items (name) VALUES ('next')")).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, await Count());
    }

    [Fact]
    public async Task ReadConnectionsRefuseToWrite()
    {
        await using var connection = await _database.OpenReadConnection();

        var error = await Assert.ThrowsAsync<SqliteException>(() => Exec(connection, null, "INSERT INTO items (name) VALUES ('x')"));

        Assert.Equal(8, error.SqliteErrorCode); // SQLITE_READONLY
    }

    [Fact]
    public async Task TheDatabaseRunsInWalMode()
    {
        await using var connection = await _database.OpenReadConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    private async Task<long> Count(string where = "1 = 1")
    {
        await using var connection = await _database.OpenReadConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM items WHERE {where}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> Exec(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }
}
