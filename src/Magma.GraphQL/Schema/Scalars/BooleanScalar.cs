using System.Text.Json;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Schema.Scalars;

internal sealed class BooleanScalar() : ScalarDefinition("Boolean")
{
    public static readonly BooleanScalar Instance = new();

    private static readonly object True = true;
    private static readonly object False = false;

    public override object Serialize(object value) =>
        value is bool boolean
            ? boolean ? True : False
            : throw new ScalarCoercionException($"Boolean cannot represent a non boolean value: {ScalarText.Of(value)}");

    public override object? ParseValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => True,
        JsonValueKind.False => False,
        _ => throw new ScalarCoercionException($"Boolean cannot represent a non boolean value: {ScalarText.Of(value)}"),
    };

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?> variables) =>
        literal is BooleanValueNode boolean
            ? boolean.Value ? True : False
            : throw new ScalarCoercionException($"Boolean cannot represent a non boolean value: {ScalarText.Of(literal)}");
}
