using System.Globalization;
using System.Text.Json;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Schema.Scalars;

// ISO-8601 instants: serialised in UTC with milliseconds, parsed into a UTC DateTimeOffset.
internal sealed class DateTimeScalar() : ScalarDefinition("DateTime")
{
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

    // Hand-rolled yyyy-MM-ddTHH:mm:ss.fffZ: the general formatter is a hot spot when lists of rows carry timestamps.
    private static string Format(DateTime utc) => string.Create(24, utc, static (chars, instant) =>
    {
        Digits(chars[..4], instant.Year);
        chars[4] = '-';
        Digits(chars.Slice(5, 2), instant.Month);
        chars[7] = '-';
        Digits(chars.Slice(8, 2), instant.Day);
        chars[10] = 'T';
        Digits(chars.Slice(11, 2), instant.Hour);
        chars[13] = ':';
        Digits(chars.Slice(14, 2), instant.Minute);
        chars[16] = ':';
        Digits(chars.Slice(17, 2), instant.Second);
        chars[19] = '.';
        Digits(chars.Slice(20, 3), instant.Millisecond);
        chars[23] = 'Z';
    });

    private static void Digits(Span<char> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--, value /= 10)
            target[i] = (char)('0' + value % 10);
    }

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
