using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Magma.Benchmarks.Load;

/// <summary>The yardstick for writes: one row per transaction on a WAL file with synchronous=FULL, as the server's writer is set up.</summary>
public static class SqliteCommitTimer
{
    public static double CommitsPerSecond(string dataDirectory, TimeSpan duration)
    {
        var path = Path.Combine(dataDirectory, "commits.db");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, "PRAGMA synchronous=FULL;");
        Execute(connection, "CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL);");
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO rows (body) VALUES ($body);";
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        for (var i = 0; i < 50; i++)
            Insert(insert, body, i);
        var clock = Stopwatch.StartNew();
        var count = 0;
        while (clock.Elapsed < duration)
            Insert(insert, body, count++);
        return count / clock.Elapsed.TotalSeconds;
    }

    // An autocommit INSERT: one transaction, one WAL fsync.
    private static void Insert(SqliteCommand insert, SqliteParameter body, int i)
    {
        body.Value = $"row {i} with a few dozen bytes of payload, like an order";
        insert.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
