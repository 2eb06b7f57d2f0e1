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
        _database = new SqliteDatabase(new SqliteOptions { ConnectionString = _file.ConnectionString, Synchronous = "NORMAL", CheckpointPages = PassPages });
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
        // About 4,000 pages of rows, eighty times the pass size, written by concurrent units as a server would.
        const int rows = 4_000;
        for (var round = 0; round < rows / 20; round++)
            await Task.WhenAll(Enumerable.Range(round * 20, 20).Select(Insert));

        // Still open: what is in the database file got there by checkpoints, not by closing the last connection.
        Assert.True(new FileInfo(_file.FilePath).Length > rows / 2 * PageSize, "the background checkpoints copied pages into the database file");
        // The WAL file keeps its largest size (a 32-byte header, then a 24-byte header per page). If it started over:
        // four passes and what the writer appended while up to two more passes ran (here, with fsync off, several
        // hundred pages); if it did not: all 4,000 pages.
        var walPages = (new FileInfo(_file.FilePath + "-wal").Length - 32) / (PageSize + 24);
        Assert.InRange(walPages, 1, rows / 4);
        Assert.Equal(rows, await Scalar("SELECT COUNT(*) FROM blobs"));
        Assert.Equal((long)rows * (rows - 1) / 2, await Scalar("SELECT SUM(id) FROM blobs"));
        Assert.Equal("ok", await Text("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task WhatWasWrittenSurvivesClosingAndReopening()
    {
        await Task.WhenAll(Enumerable.Range(0, 500).Select(Insert));
        await _database.DisposeAsync();

        _database = new SqliteDatabase(new SqliteOptions { ConnectionString = _file.ConnectionString, Synchronous = "NORMAL", CheckpointPages = PassPages });

        Assert.Equal(500, await Scalar("SELECT COUNT(*) FROM blobs"));
        Assert.Equal("ok", await Text("PRAGMA integrity_check"));
    }

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
