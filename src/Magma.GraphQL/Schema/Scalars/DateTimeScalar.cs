using System.Globalization;
using System.Text.Json;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Schema.Scalars;

/// <summary>ISO-8601 instants: serialised in UTC with milliseconds, parsed into a UTC <see cref="DateTimeOffset"/>.</summary>
internal sealed class DateTimeScalar() : ScalarDefinition("DateTime")
{
    private const string OutputFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static readonly DateTimeScalar Instance = new()
    {
        Description = "An ISO-8601 instant in UTC, e.g. 2024-01-31T12:00:00.000Z.",
        SpecifiedByUrl = "https://scalars.graphql.org/andimarek/date-time",
    };

    public override object Serialize(object value) => value switch
    {
        DateTimeOffset instant => Format(instant.UtcDateTime),
        DateTime { Kind: DateTimeKind.Local } local => Format(local.ToUniversalTime()),
        DateTime utc => Format(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        string text => Format(Parse(text).UtcDateTime),
        _ => throw new ScalarCoercionException($"DateTime cannot represent value: {ScalarText.Of(value)}"),
    };

    public override object? ParseValue(JsonElement value) =>
        value.ValueKind == JsonValueKind.String
            ? Parse(value.GetString()!)
            : throw new ScalarCoercionException($"DateTime cannot represent a non string value: {ScalarText.Of(value)}");

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?> variables) =>
        literal is StringValueNode text
            ? Parse(text.Value)
            : throw new ScalarCoercionException($"DateTime cannot represent a non string value: {ScalarText.Of(literal)}");

    private static string Format(DateTime utc) => utc.ToString(OutputFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text)
    {
        // Instants without an offset are taken as UTC, never as the server's local time.
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (text.Length >= 10 && char.IsAsciiDigit(text[0]) &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var instant))
        {
            return instant.ToUniversalTime();
        }

        throw new ScalarCoercionException($"DateTime cannot represent an invalid date-time string: {ScalarText.Of(text)}");
    }
}
