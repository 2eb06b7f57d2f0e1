using Magma.Lightning.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Magma.Testing;

/// <summary>
/// Compares an EF model with the schema the SQL migrations built: every mapped table and column exists with the same
/// nullability, no NOT NULL column lacks a property (an insert would fail), and every column is stored as a type
/// write units can bind (they bind inserted rows by position, not through Microsoft.Data.Sqlite).
/// </summary>
public static class SchemaAssert
{
    public static void ModelMatchesDatabase(DbContext context, SqliteConnection connection)
    {
        var problems = new List<string>();
        foreach (var entity in context.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var columns = Columns(connection, table);
            if (columns.Count == 0)
            {
                problems.Add($"table {table} is missing");
                continue;
            }
            var identifier = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, null);
            var mapped = new HashSet<string>();
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName(identifier)!;
                mapped.Add(column);
                if (!RawValueBinder.Supports(property))
                    problems.Add($"{table}.{column} is stored as {RawValueBinder.StoredType(property)}, which write units cannot bind");
                if (!columns.TryGetValue(column, out var notNull))
                    problems.Add($"{table}.{column} is missing");
                else if (notNull == property.IsNullable && !property.IsPrimaryKey())
                    problems.Add($"{table}.{column} is {(notNull ? "NOT NULL" : "NULL")} but the model says {(property.IsNullable ? "nullable" : "required")}");
            }
            foreach (var (column, notNull) in columns)
                if (notNull && !mapped.Contains(column))
                    problems.Add($"{table}.{column} is NOT NULL but no property maps it");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static Dictionary<string, bool> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA table_info(\"{table}\")";
        using var reader = command.ExecuteReader();
        var columns = new Dictionary<string, bool>();
        while (reader.Read())
            columns[reader.GetString(1)] = reader.GetInt64(3) == 1;
        return columns;
    }
}
