namespace Magma.GraphQL.Language.Ast;

/// <summary><c>query Name($v: T) @d { ... }</c>, or the shorthand <c>{ ... }</c>.</summary>
public sealed class OperationDefinitionNode(
    Location location,
    OperationType operation,
    string? name,
    IReadOnlyList<VariableDefinitionNode> variableDefinitions,
    IReadOnlyList<DirectiveNode> directives,
    SelectionSetNode selectionSet) : DefinitionNode(location)
{
    /// <summary>Query, mutation or subscription.</summary>
    public OperationType Operation { get; } = operation;

    /// <summary>The operation name, null when anonymous.</summary>
    public string? Name { get; } = name;

    /// <summary>The declared variables.</summary>
    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; } = variableDefinitions;

    /// <summary>Directives on the operation.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;

    /// <summary>The root selection set.</summary>
    public SelectionSetNode SelectionSet { get; } = selectionSet;
}

/// <summary><c>$name: Type = default @d</c>.</summary>
public sealed class VariableDefinitionNode(
    Location location,
    VariableNode variable,
    TypeNode type,
    ValueNode? defaultValue,
    IReadOnlyList<DirectiveNode> directives) : SyntaxNode(location)
{
    /// <summary>The variable being declared.</summary>
    public VariableNode Variable { get; } = variable;

    /// <summary>The declared type.</summary>
    public TypeNode Type { get; } = type;

    /// <summary>The default value, if any.</summary>
    public ValueNode? DefaultValue { get; } = defaultValue;

    /// <summary>Directives on the variable.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}

/// <summary><c>fragment Name on Type @d { ... }</c>.</summary>
public sealed class FragmentDefinitionNode(
    Location location,
    string name,
    NamedTypeNode typeCondition,
    IReadOnlyList<DirectiveNode> directives,
    SelectionSetNode selectionSet) : DefinitionNode(location)
{
    /// <summary>The fragment name.</summary>
    public string Name { get; } = name;

    /// <summary>The type the fragment applies to.</summary>
    public NamedTypeNode TypeCondition { get; } = typeCondition;

    /// <summary>Directives on the definition.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;

    /// <summary>The fragment body.</summary>
    public SelectionSetNode SelectionSet { get; } = selectionSet;
}
