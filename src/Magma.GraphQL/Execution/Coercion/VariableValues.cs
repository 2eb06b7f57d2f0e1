using System.Text.Json;
using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Execution.Coercion;

// The spec's CoerceVariableValues(): request JSON to coerced values keyed by variable name.
internal static class VariableValues
{
    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    public static IReadOnlyDictionary<string, object?> Coerce(
        GraphQLSchema schema, OperationDefinitionNode operation, JsonElement? inputs, List<GraphQLError> errors)
    {
        if (operation.VariableDefinitions.Count == 0)
            return Empty;

        var provided = inputs is { ValueKind: JsonValueKind.Object } json ? json : default;
        var coerced = new Dictionary<string, object?>(operation.VariableDefinitions.Count, StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            var name = definition.Variable.Name;
            var type = TypeFromAst.Resolve(schema, definition.Type)!;
            var value = default(JsonElement);
            var hasValue = provided.ValueKind == JsonValueKind.Object && provided.TryGetProperty(name, out value);
            if (!hasValue)
            {
                if (definition.DefaultValue is not null && LiteralCoercer.TryCoerce(definition.DefaultValue, type, Empty, out var fallback))
                    coerced[name] = fallback;
                else if (type.IsNonNull)
                    errors.Add(Error($"Variable \"${name}\" of required type \"{type}\" was not provided.", definition));
                continue;
            }

            if (value.ValueKind == JsonValueKind.Null && type.IsNonNull)
            {
                errors.Add(Error($"Variable \"${name}\" of non-null type \"{type}\" must not be null.", definition));
                continue;
            }

            if (VariableCoercer.TryCoerce(name, value, type, out var result) is { } message)
                errors.Add(Error(message, definition));
            else
                coerced[name] = result;
        }

        return coerced;
    }

    private static GraphQLError Error(string message, VariableDefinitionNode definition) =>
        new(message, ErrorCodes.BadUserInput, [definition.Location]);
}
