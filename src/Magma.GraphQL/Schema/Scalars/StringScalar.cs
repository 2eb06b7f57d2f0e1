using System.Globalization;
using System.Text.Json;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Schema.Scalars;

internal sealed class StringScalar() : ScalarDefinition("String")
{
    public static readonly StringScalar Instance = new();

    public override object Serialize(object value) => value switch
    {
        string text => text,
        char c => c.ToString(),
        bool boolean => boolean ? "true" : "false",
        Guid or int or long or short or byte or double or float or decimal =>
            ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ScalarCoercionException($"String cannot represent value: {ScalarText.Of(value)}"),
    };

    public override object? ParseValue(JsonElement value) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ScalarCoercionException($"String cannot represent a non string value: {ScalarText.Of(value)}");

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?> variables) =>
        literal is StringValueNode text
            ? text.Value
            : throw new ScalarCoercionException($"String cannot represent a non string value: {ScalarText.Of(literal)}");
}
