using Magma.Lightning.Storage;
using Magma.Testing;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Magma.Lightning.Tests.Storage;

/// <summary>
/// Write units bind inserted values by position, not through Microsoft.Data.Sqlite; what lands in the file must be
/// byte for byte what Microsoft.Data.Sqlite (and so EF) would have stored and will read and compare.
/// </summary>
public sealed class RawValueBinderTests : IDisposable
{
    private readonly TemporaryDatabase _file = new();
    private readonly SqliteConnection _connection;

    public RawValueBinderTests()
    {
        _connection = new SqliteConnection(_file.ConnectionString);
        _connection.Open();
        Execute("CREATE TABLE stored (via TEXT NOT NULL, value)");
    }

    public static TheoryData<object?> Values => new()
    {
        null, "", "plain", "ünïcødé ⚡ and \"quotes\"", 0L, long.MinValue, long.MaxValue, 21, -1, true, false,
        new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc),
        new DateTime(2026, 11, 21, 12, 34, 56, 789, DateTimeKind.Utc).AddTicks(1234),
        new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc), DateTime.MaxValue,
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void StoresEachValueExactlyAsMicrosoftDataSqliteDoes(object? value)
    {
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO stored (via, value) VALUES ('mds', $value)";
            command.Parameters.AddWithValue("$value", value ?? DBNull.Value);
            command.ExecuteNonQuery();
        }
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(_connection.Handle, "INSERT INTO stored (via, value) VALUES ('raw', ?1)", out var statement));
        using (statement)
        {
            Assert.Equal(raw.SQLITE_OK, RawValueBinder.Bind(statement, 1, value));
            Assert.Equal(raw.SQLITE_DONE, raw.sqlite3_step(statement));
        }

        Assert.Equal(Stored("mds"), Stored("raw"));
    }

    [Theory]
    [InlineData(typeof(string), true)]
    [InlineData(typeof(long?), true)]
    [InlineData(typeof(DateTime), true)]
    [InlineData(typeof(decimal), false)]
    [InlineData(typeof(Guid), false)]
    [InlineData(typeof(DateTimeOffset), false)]
    public void AcceptsOnlyTheTypesItStoresAsMicrosoftDataSqliteDoes(Type type, bool supported) =>
        Assert.Equal(supported, RawValueBinder.Supports(type));

    public void Dispose()
    {
        _connection.Dispose();
        _file.Dispose();
    }

    // SQLite's own storage class and literal form: equal only when the stored bytes are.
    private string Stored(string via)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT typeof(value) || ':' || quote(value) FROM stored WHERE via = $via";
        command.Parameters.AddWithValue("$via", via);
        return (string)command.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
