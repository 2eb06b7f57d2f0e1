namespace Magma.GraphQL.Language.Ast;

/// <summary>A field of an object or interface type.</summary>
public sealed class FieldDefinitionNode(
    Location location,
    string? description,
    string name,
    IReadOnlyList<InputValueDefinitionNode> arguments,
    TypeNode type,
    IReadOnlyList<DirectiveNode> directives) : SyntaxNode(location)
{
    /// <summary>The description, if any.</summary>
    public string? Description { get; } = description;

    /// <summary>The field name.</summary>
    public string Name { get; } = name;

    /// <summary>The declared arguments.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; } = arguments;

    /// <summary>The output type.</summary>
    public TypeNode Type { get; } = type;

    /// <summary>Directives such as <c>@deprecated</c>.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}

/// <summary>An argument or input object field definition.</summary>
public sealed class InputValueDefinitionNode(
    Location location,
    string? description,
    string name,
    TypeNode type,
    ValueNode? defaultValue,
    IReadOnlyList<DirectiveNode> directives) : SyntaxNode(location)
{
    /// <summary>The description, if any.</summary>
    public string? Description { get; } = description;

    /// <summary>The name.</summary>
    public string Name { get; } = name;

    /// <summary>The input type.</summary>
    public TypeNode Type { get; } = type;

    /// <summary>The default value, if any.</summary>
    public ValueNode? DefaultValue { get; } = defaultValue;

    /// <summary>Directives such as <c>@deprecated</c>.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}

/// <summary>One value of an enum definition.</summary>
public sealed class EnumValueDefinitionNode(
    Location location, string? description, string name, IReadOnlyList<DirectiveNode> directives) : SyntaxNode(location)
{
    /// <summary>The description, if any.</summary>
    public string? Description { get; } = description;

    /// <summary>The value name.</summary>
    public string Name { get; } = name;

    /// <summary>Directives such as <c>@deprecated</c>.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
