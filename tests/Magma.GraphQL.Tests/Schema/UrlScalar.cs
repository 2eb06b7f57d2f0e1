using System.Text.Json;
using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema.Scalars;

namespace Magma.GraphQL.Tests.Schema;

/// <summary>A custom scalar used by the tests: absolute URLs in, strings out.</summary>
public sealed class UrlScalar() : ScalarDefinition("Url")
{
    public override object Serialize(object value) => value is Uri uri ? uri.ToString() : throw new ScalarCoercionException("Url cannot represent a non-URI value.");

    public override object? ParseValue(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri)
            ? uri
            : throw new ScalarCoercionException($"Url cannot represent {value.GetRawText()}.");

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?> variables) =>
        literal is StringValueNode text && Uri.TryCreate(text.Value, UriKind.Absolute, out var uri)
            ? uri
            : throw new ScalarCoercionException("Url cannot represent this literal.");
}
