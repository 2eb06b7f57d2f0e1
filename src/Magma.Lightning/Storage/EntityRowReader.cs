using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Magma.Lightning.Storage;

/// <summary>
/// Reads an entity type's rows the way its EF model maps them (column names, value converters), for prepared reads
/// outside EF. The model stays the one description of a table; this only walks it once per type.
/// </summary>
internal sealed class EntityRowReader
{
    private readonly Func<object> _create;
    private readonly Column[] _columns;

    public EntityRowReader(IEntityType type)
    {
        _create = Expression.Lambda<Func<object>>(Expression.New(type.ClrType)).Compile();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        _columns = type.GetProperties().Select(p => new Column(p, p.GetColumnName(table)!, p.GetRelationalTypeMapping())).ToArray();
        Select = $"SELECT {string.Join(", ", _columns.Select(c => Quote(c.Name)))} FROM {Quote(table.Name)}";
    }

    /// <summary><c>SELECT &lt;every mapped column&gt; FROM &lt;table&gt;</c>, in the order <see cref="Read"/> expects.</summary>
    public string Select { get; }

    public object Read(SqliteDataReader reader)
    {
        var entity = _create();
        for (var i = 0; i < _columns.Length; i++)
            _columns[i].Set(entity, reader, i);
        return entity;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed class Column
    {
        private readonly Func<SqliteDataReader, int, object> _readProviderValue;
        private readonly ValueConverter? _converter;
        private readonly Action<object, object?> _set;
        private readonly object? _valueForNull;

        public Column(IProperty property, string name, RelationalTypeMapping mapping)
        {
            Name = name;
            _converter = mapping.Converter;
            var providerType = _converter?.ProviderClrType ?? property.ClrType;
            _readProviderValue = ReaderFor(Nullable.GetUnderlyingType(providerType) ?? providerType, name);
            var clrProperty = property.PropertyInfo
                ?? throw new InvalidOperationException($"{property.DeclaringEntityType.DisplayName()}.{property.Name} has no CLR property to read into.");
            _set = Setter(clrProperty);
            // A NULL read into a non-nullable value type gets its default, as EF's SetValue-style reads did.
            _valueForNull = clrProperty.PropertyType.IsValueType && Nullable.GetUnderlyingType(clrProperty.PropertyType) is null
                ? Activator.CreateInstance(clrProperty.PropertyType)
                : null;
        }

        public string Name { get; }

        public void Set(object entity, SqliteDataReader reader, int ordinal)
        {
            if (reader.IsDBNull(ordinal))
            {
                _set(entity, _valueForNull);
                return;
            }
            var value = _readProviderValue(reader, ordinal);
            _set(entity, _converter is null ? value : _converter.ConvertFromProvider(value));
        }

        // Chosen once per column: these reads run for every row of every prepared read.
        private static Func<SqliteDataReader, int, object> ReaderFor(Type providerType, string column) => providerType switch
        {
            var t when t == typeof(string) => (r, i) => r.GetString(i),
            var t when t == typeof(long) => (r, i) => r.GetInt64(i),
            var t when t == typeof(int) => (r, i) => r.GetInt32(i),
            var t when t == typeof(bool) => (r, i) => r.GetBoolean(i),
            var t when t == typeof(DateTime) => (r, i) => r.GetDateTime(i),
            var t when t == typeof(double) => (r, i) => r.GetDouble(i),
            var t when t == typeof(decimal) => (r, i) => r.GetDecimal(i),
            var t when t == typeof(byte[]) => (r, i) => r.GetFieldValue<byte[]>(i),
            var t => throw new NotSupportedException($"Prepared reads do not map {t.Name} columns ({column})."),
        };

        // A compiled (entity, value) => ((TEntity)entity).Property = (TProperty)value: reflection's SetValue costs
        // more than reading the column.
        private static Action<object, object?> Setter(PropertyInfo property)
        {
            var entity = Expression.Parameter(typeof(object), "entity");
            var value = Expression.Parameter(typeof(object), "value");
            var assign = Expression.Assign(
                Expression.Property(Expression.Convert(entity, property.DeclaringType!), property),
                Expression.Convert(value, property.PropertyType));
            return Expression.Lambda<Action<object, object?>>(assign, entity, value).Compile();
        }
    }
}
