using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Magma.Lightning.Storage;

/// <summary>
/// Reads an entity type's rows the way its EF model maps them (column names, value converters), for prepared reads
/// outside EF. The model stays the one description of a table; this only walks it once per type.
/// </summary>
internal sealed class EntityRowReader
{
    private readonly Type _clrType;
    private readonly Column[] _columns;

    public EntityRowReader(IEntityType type)
    {
        _clrType = type.ClrType;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        _columns = type.GetProperties().Select(p => new Column(p, p.GetColumnName(table)!, p.GetRelationalTypeMapping())).ToArray();
        Select = $"SELECT {string.Join(", ", _columns.Select(c => Quote(c.Name)))} FROM {Quote(table.Name)}";
    }

    /// <summary><c>SELECT &lt;every mapped column&gt; FROM &lt;table&gt;</c>, in the order <see cref="Read"/> expects.</summary>
    public string Select { get; }

    public object Read(SqliteDataReader reader)
    {
        var entity = Activator.CreateInstance(_clrType)!;
        for (var i = 0; i < _columns.Length; i++)
            _columns[i].Set(entity, reader, i);
        return entity;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed class Column(IProperty property, string name, RelationalTypeMapping mapping)
    {
        private readonly Type _providerType = Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? property.ClrType)
            ?? mapping.Converter?.ProviderClrType ?? property.ClrType;
        private readonly System.Reflection.PropertyInfo _clrProperty = property.PropertyInfo
            ?? throw new InvalidOperationException($"{property.DeclaringEntityType.DisplayName()}.{property.Name} has no CLR property to read into.");

        public string Name { get; } = name;

        public void Set(object entity, SqliteDataReader reader, int ordinal)
        {
            if (reader.IsDBNull(ordinal))
            {
                _clrProperty.SetValue(entity, null);
                return;
            }
            var value = ReadProviderValue(reader, ordinal);
            if (mapping.Converter is { } converter)
                value = converter.ConvertFromProvider(value);
            _clrProperty.SetValue(entity, value);
        }

        private object ReadProviderValue(SqliteDataReader reader, int ordinal) => _providerType switch
        {
            var t when t == typeof(string) => reader.GetString(ordinal),
            var t when t == typeof(long) => reader.GetInt64(ordinal),
            var t when t == typeof(int) => reader.GetInt32(ordinal),
            var t when t == typeof(bool) => reader.GetBoolean(ordinal),
            var t when t == typeof(DateTime) => reader.GetDateTime(ordinal),
            var t when t == typeof(double) => reader.GetDouble(ordinal),
            var t when t == typeof(decimal) => reader.GetDecimal(ordinal),
            var t when t == typeof(byte[]) => reader.GetFieldValue<byte[]>(ordinal),
            var t => throw new NotSupportedException($"Prepared reads do not map {t.Name} columns ({Name})."),
        };
    }
}
