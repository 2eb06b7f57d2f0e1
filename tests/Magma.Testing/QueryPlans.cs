using Magma.Lightning.Storage;

namespace Magma.Testing;

/// <summary>SQLite's plan for a query as EF writes it, one line per step (the <c>detail</c> column).</summary>
public static class QueryPlans
{
    /// <summary>
    /// EF's <c>ToQueryString</c> prints its parameters as <c>.param set</c> lines; they are dropped, and parameters are
    /// left unbound unless <paramref name="parameters"/> (as EF sent them) are given.
    /// </summary>
    public static async Task<List<string>> Of(SqliteDatabase database, string efSql, IEnumerable<(string Name, object? Value)>? parameters = null)
    {
        var sql = string.Join('\n', efSql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        await using var connection = await database.OpenReadConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters ?? [])
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            steps.Add(reader.GetString(3));
        return steps;
    }
}
