using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Magma.Lightning.Storage;

/// <summary>
/// Applies a module's numbered SQL scripts (embedded resources under a <c>Migrations</c> folder) once each,
/// in name order, recording them in <c>schema_migrations</c>. Hand-written SQL keeps every schema change reviewable.
/// </summary>
public static class SqlMigrator
{
    public static Task<int> Migrate(this SqliteDatabase database, Assembly assembly, string module) =>
        database.Write((connection, transaction) =>
        {
            SqliteDatabase.Execute(connection,
                "CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (module, name));",
                transaction);
            var applied = AppliedScripts(connection, transaction, module);
            var count = 0;
            foreach (var (name, sql) in Scripts(assembly, module))
            {
                if (applied.Contains(name))
                    continue;
                SqliteDatabase.Execute(connection, sql, transaction);
                using var record = connection.CreateCommand();
                record.Transaction = transaction;
                // When a script ran is a fact about the database file, so the database's own clock records it.
                record.CommandText = "INSERT INTO schema_migrations (module, name, applied_at) VALUES ($module, $name, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));";
                record.Parameters.AddWithValue("$module", module);
                record.Parameters.AddWithValue("$name", name);
                record.ExecuteNonQuery();
                count++;
            }
            return Task.FromResult(count);
        });

    /// <summary>Scripts are resources named <c>{module}.Migrations.NNN_description.sql</c>.</summary>
    public static IEnumerable<(string Name, string Sql)> Scripts(Assembly assembly, string module)
    {
        var prefix = module + ".Migrations.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (resource[prefix.Length..], reader.ReadToEnd());
        }
    }

    private static HashSet<string> AppliedScripts(SqliteConnection connection, SqliteTransaction transaction, string module)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name FROM schema_migrations WHERE module = $module;";
        command.Parameters.AddWithValue("$module", module);
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
            names.Add(reader.GetString(0));
        return names;
    }
}
