using Magma.GraphQL.Schema.Scalars;

namespace Magma.GraphQL.Schema;

/// <summary>A scalar type backed by a <see cref="ScalarDefinition"/>.</summary>
public sealed class ScalarType(ScalarDefinition definition, string? description)
    : NamedType(definition.Name, description ?? definition.Description)
{
    /// <summary>The coercion rules.</summary>
    public ScalarDefinition Definition { get; } = definition;

    /// <summary>The <c>@specifiedBy</c> URL, if any.</summary>
    public string? SpecifiedByUrl { get; internal set; } = definition.SpecifiedByUrl;

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Scalar;
}
