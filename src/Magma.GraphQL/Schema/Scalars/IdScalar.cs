using System.Globalization;
using System.Text.Json;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Schema.Scalars;

// The built-in `ID`: accepts strings and integers, always serialised as a string.
internal sealed class IdScalar() : ScalarDefinition("ID")
{
    public static readonly IdScalar Instance = new();

    public override object Serialize(object value) => value switch
    {
        string text => text,
        int or long or short or byte or sbyte or ushort or uint or ulong or Guid =>
            ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ScalarCoercionException($"ID cannot represent value: {ScalarText.Of(value)}"),
    };

    public override object? ParseValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
        _ => throw new ScalarCoercionException($"ID cannot represent value: {ScalarText.Of(value)}"),
    };

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?> variables) => literal switch
    {
        StringValueNode text => text.Value,
        IntValueNode integer => integer.Value,
        _ => throw new ScalarCoercionException($"ID cannot represent a non-string and non-integer value: {ScalarText.Of(literal)}"),
    };
}
