namespace Magma.GraphQL.Language.Ast;

/// <summary><c>schema { query: Q }</c> or <c>extend schema ...</c>.</summary>
public sealed class SchemaDefinitionNode(
    Location location,
    string? description,
    IReadOnlyList<DirectiveNode> directives,
    IReadOnlyList<OperationTypeDefinitionNode> operationTypes,
    bool isExtension) : DefinitionNode(location)
{
    /// <summary>The description, if any.</summary>
    public string? Description { get; } = description;

    /// <summary>Directives on the schema.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;

    /// <summary>The root operation types.</summary>
    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; } = operationTypes;

    /// <summary>Whether this was written as <c>extend schema</c>.</summary>
    public bool IsExtension { get; } = isExtension;
}

/// <summary><c>query: TypeName</c> inside a schema definition.</summary>
public sealed class OperationTypeDefinitionNode(Location location, OperationType operation, NamedTypeNode type)
    : SyntaxNode(location)
{
    /// <summary>The operation kind.</summary>
    public OperationType Operation { get; } = operation;

    /// <summary>The root type.</summary>
    public NamedTypeNode Type { get; } = type;
}

/// <summary><c>directive @name(args) repeatable on LOCATIONS</c>.</summary>
public sealed class DirectiveDefinitionNode(
    Location location,
    string? description,
    string name,
    IReadOnlyList<InputValueDefinitionNode> arguments,
    bool isRepeatable,
    IReadOnlyList<string> locations) : DefinitionNode(location)
{
    /// <summary>The description, if any.</summary>
    public string? Description { get; } = description;

    /// <summary>The directive name without <c>@</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The declared arguments.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; } = arguments;

    /// <summary>Whether it may appear more than once at one location.</summary>
    public bool IsRepeatable { get; } = isRepeatable;

    /// <summary>The allowed locations, e.g. <c>FIELD</c>.</summary>
    public IReadOnlyList<string> Locations { get; } = locations;
}
