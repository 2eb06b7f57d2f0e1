using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Schema;

/// <summary>An argument or an input object field.</summary>
public sealed class InputValueDefinition(
    string name, string? description, GraphQLType type, ValueNode? defaultLiteral, string? deprecationReason)
{
    /// <summary>The name.</summary>
    public string Name { get; } = name;

    /// <summary>The description, if any.</summary>
    public string? Description { get; } = description;

    /// <summary>The input type.</summary>
    public GraphQLType Type { get; } = type;

    /// <summary>The default value as written in SDL, null when there is none.</summary>
    public ValueNode? DefaultLiteral { get; } = defaultLiteral;

    /// <summary>Whether a default value was declared.</summary>
    public bool HasDefault => DefaultLiteral is not null;

    /// <summary>The coerced default value (valid when <see cref="HasDefault"/>).</summary>
    public object? DefaultValue { get; internal set; }

    /// <summary>Why it is deprecated, null when it is not.</summary>
    public string? DeprecationReason { get; } = deprecationReason;

    /// <summary>Whether it is deprecated.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    internal bool IsRequired => Type.IsNonNull && !HasDefault;
}
