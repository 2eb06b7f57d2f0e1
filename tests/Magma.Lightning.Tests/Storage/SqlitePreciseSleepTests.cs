using Magma.Lightning.Storage;

namespace Magma.Lightning.Tests.Storage;

/// <summary>
/// SQLite's lock waits (busy handler, WAL read retries) go through the VFS sleep, which the bundled build rounds up
/// to whole seconds. <c>sqlite3_sleep</c> reports what the VFS says it slept: a second for any request before the fix.
/// </summary>
public sealed class SqlitePreciseSleepTests
{
    [Fact]
    public void TheVfsSleepsTheMillisecondsItIsAskedFor()
    {
        Assert.True(SqlitePreciseSleep.Ensure() || !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()));

        Assert.Equal(2, SqlitePreciseSleep.SqliteSleepMilliseconds(2));
        Assert.Equal(0, SqlitePreciseSleep.SqliteSleepMilliseconds(0));
    }

    [Fact]
    public void ABusyWriterWaitsInShortStepsUntilItsTimeoutIsUsedUp()
    {
        Assert.Equal([1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100, 100], Enumerable.Range(0, 13).Select(i => SqlitePreciseSleep.BusyDelay(i, 10_000)));
        // 1 + 2 + 5 = 8 ms waited: the fourth wait is cut to the 2 ms left, then it gives up.
        Assert.Equal(2, SqlitePreciseSleep.BusyDelay(3, 10));
        Assert.Equal(0, SqlitePreciseSleep.BusyDelay(4, 10));
        Assert.Equal(0, SqlitePreciseSleep.BusyDelay(200, 10_000));
    }

    [Fact]
    public async Task TheWriterWaitsForALockAnotherProcessHoldsAndThenWrites()
    {
        using var file = new Magma.Testing.TemporaryDatabase();
        await using var database = new SqliteDatabase(new SqliteOptions { ConnectionString = file.ConnectionString });
        await using var other = new Microsoft.Data.Sqlite.SqliteConnection(file.ConnectionString);
        await other.OpenAsync();
        SqliteDatabase.Execute(other, "CREATE TABLE IF NOT EXISTS t (x INTEGER); BEGIN IMMEDIATE;");

        var write = database.Write(async (c, t) =>
        {
            using var command = c.CreateCommand();
            command.Transaction = t;
            command.CommandText = "INSERT INTO t (x) VALUES (1)";
            return await command.ExecuteNonQueryAsync();
        });
        await Task.Delay(50);
        Assert.False(write.IsCompleted);
        SqliteDatabase.Execute(other, "COMMIT;");

        Assert.Equal(1, await write);
    }
}
