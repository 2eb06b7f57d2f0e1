using System.Globalization;
using System.Text.Json;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Schema.Scalars;

internal sealed class FloatScalar() : ScalarDefinition("Float")
{
    public static readonly FloatScalar Instance = new();

    public override object Serialize(object value)
    {
        if (value is double finite && double.IsFinite(finite))
            return value;
        var number = value switch
        {
            double d => d,
            float f => f,
            decimal m => (double)m,
            int or long or short or byte or sbyte or ushort or uint or ulong => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ => double.NaN,
        };
        return double.IsFinite(number)
            ? number
            : throw new ScalarCoercionException($"Float cannot represent non numeric value: {ScalarText.Of(value)}");
    }

    public override object? ParseValue(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new ScalarCoercionException($"Float cannot represent non numeric value: {ScalarText.Of(value)}");

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?> variables) => literal switch
    {
        IntValueNode integer => double.Parse(integer.Value, CultureInfo.InvariantCulture),
        FloatValueNode number => double.Parse(number.Value, CultureInfo.InvariantCulture),
        _ => throw new ScalarCoercionException($"Float cannot represent non numeric value: {ScalarText.Of(literal)}"),
    };
}
