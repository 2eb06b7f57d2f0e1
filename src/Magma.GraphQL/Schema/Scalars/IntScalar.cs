using System.Globalization;
using System.Text.Json;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Schema.Scalars;

internal sealed class IntScalar() : ScalarDefinition("Int")
{
    public static readonly IntScalar Instance = new();

    // Values already in range are returned as the same boxed object so serialising allocates nothing.
    public override object Serialize(object value) => value switch
    {
        int => value,
        long number when number is >= int.MinValue and <= int.MaxValue => value,
        long or short or byte or sbyte or ushort or uint or ulong => FitInt(Convert.ToDecimal(value, CultureInfo.InvariantCulture), value),
        double number when Math.Floor(number) == number && double.IsFinite(number) => FitInt((decimal)number, value),
        float number when Math.Floor(number) == number && float.IsFinite(number) => FitInt((decimal)number, value),
        decimal number when decimal.Truncate(number) == number => FitInt(number, value),
        _ => throw new ScalarCoercionException($"Int cannot represent non-integer value: {ScalarText.Of(value)}"),
    };

    public override object? ParseValue(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || Math.Floor(number) != number)
            throw new ScalarCoercionException($"Int cannot represent non-integer value: {ScalarText.Of(value)}");
        if (number is < int.MinValue or > int.MaxValue)
            throw new ScalarCoercionException($"Int cannot represent non 32-bit signed integer value: {value.GetRawText()}");
        return (int)number;
    }

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?> variables)
    {
        if (literal is not IntValueNode integer)
            throw new ScalarCoercionException($"Int cannot represent non-integer value: {ScalarText.Of(literal)}");
        if (!int.TryParse(integer.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            throw new ScalarCoercionException($"Int cannot represent non 32-bit signed integer value: {integer.Value}");
        return number;
    }

    private static int FitInt(decimal number, object original) =>
        number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw new ScalarCoercionException($"Int cannot represent non 32-bit signed integer value: {ScalarText.Of(original)}");
}
