using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Magma.Lightning.Storage;

/// <summary>
/// Small lookups inside a write unit through statements prepared once on the writer connection. An EF query costs
/// the single writer far more than the SQLite work behind it (expression walk, cache key, command, parse), and
/// lookups such as "which endpoints want this event" run in nearly every unit. Parameters are positional:
/// <c>$p0</c>, <c>$p1</c>, …; pass enums as the strings the model stores.
/// </summary>
public static class UnitStatements
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Prepared = new();

    public static async Task<List<T>> QueryAsync<T>(this DbContext db, string sql, Func<SqliteDataReader, T> read, params object?[] args)
    {
        var rows = new List<T>();
        await using var reader = await Command(db, sql, args).ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(read(reader));
        return rows;
    }

    public static async Task<bool> ExistsAsync(this DbContext db, string sql, params object?[] args)
    {
        await using var reader = await Command(db, sql, args).ExecuteReaderAsync();
        return await reader.ReadAsync();
    }

    /// <summary>An UPDATE or DELETE through a prepared statement; the number of rows it changed.</summary>
    public static Task<int> ExecuteAsync(this DbContext db, string sql, params object?[] args) =>
        Command(db, sql, args).ExecuteNonQueryAsync();

    private static SqliteCommand Command(DbContext db, string sql, object?[] args)
    {
        var transaction = (SqliteTransaction)(db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Unit statements run inside a write unit."));
        var connection = transaction.Connection!;
        // One writer runs one unit at a time, so the per-connection cache needs no lock.
        var statements = Prepared.GetOrCreateValue(connection);
        if (!statements.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < args.Length; i++)
                command.Parameters.Add(new SqliteParameter("$p" + i, null));
            statements[sql] = command;
        }
        if (command.Parameters.Count != args.Length)
            throw new ArgumentException($"The statement takes {command.Parameters.Count} arguments, not {args.Length}.", nameof(args));
        command.Transaction = transaction;
        for (var i = 0; i < args.Length; i++)
            command.Parameters[i].Value = args[i] ?? DBNull.Value;
        return command;
    }
}
