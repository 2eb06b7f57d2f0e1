using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Magma.Lightning.Storage;

/// <summary>
/// Binds a provider value (after EF's value converter) to a prepared statement by position, storing it exactly as
/// Microsoft.Data.Sqlite would. Microsoft.Data.Sqlite binds by parameter name: for each of an insert's thirty-odd
/// columns it converts the name to UTF-8 and has SQLite search the statement's names, which was a sixth of the single
/// writer's time per unit. Only the types Magma's models use after conversion are accepted.
/// </summary>
internal static class RawValueBinder
{
    // Microsoft.Data.Sqlite's text form of a DateTime, which EF's SQLite provider also reads and compares.
    private const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    /// <summary>Whether a model property's stored type (after its value converter) can be bound here.</summary>
    public static bool Supports(IProperty property) => Supports(StoredType(property));

    public static Type StoredType(IProperty property) => property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;

    public static bool Supports(Type providerType) =>
        (Nullable.GetUnderlyingType(providerType) ?? providerType) is var type
        && (type == typeof(string) || type == typeof(long) || type == typeof(int) || type == typeof(bool) || type == typeof(DateTime));

    /// <summary>Binds <paramref name="value"/> to the 1-based parameter <paramref name="index"/>; an SQLite result code.</summary>
    public static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text(statement, index, text),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        DateTime time => raw.sqlite3_bind_text(statement, index, time.ToString(DateTimeFormat, CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"No positional binding for {value.GetType()}."),
    };
}
