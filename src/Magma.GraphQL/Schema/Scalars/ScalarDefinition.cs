using System.Text.Json;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Schema.Scalars;

/// <summary>
/// Coercion rules for one scalar type. Implementations throw <see cref="ScalarCoercionException"/> with a
/// client-safe message when a value cannot be represented; any other exception is reported generically.
/// </summary>
public abstract class ScalarDefinition(string name)
{
    /// <summary>The scalar's name as used in SDL.</summary>
    public string Name { get; } = name;

    /// <summary>Description used when the SDL gives none.</summary>
    public string? Description { get; init; }

    /// <summary>The <c>@specifiedBy</c> URL used when the SDL gives none.</summary>
    public string? SpecifiedByUrl { get; init; }

    /// <summary>Converts a resolver's non-null result into a JSON-writable value (string, number, bool, JsonElement, dictionary or list).</summary>
    public abstract object Serialize(object value);

    /// <summary>Converts a non-null variable value into the engine's internal value.</summary>
    public abstract object? ParseValue(JsonElement value);

    /// <summary>Converts a non-null literal into the engine's internal value; <paramref name="variables"/> holds coerced variable values.</summary>
    public abstract object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?> variables);
}
