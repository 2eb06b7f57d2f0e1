namespace Magma.GraphQL.Language.Ast;

/// <summary><c>{ selection ... }</c>.</summary>
public sealed class SelectionSetNode(Location location, IReadOnlyList<SelectionNode> selections) : SyntaxNode(location)
{
    /// <summary>The selections in written order.</summary>
    public IReadOnlyList<SelectionNode> Selections { get; } = selections;
}

/// <summary>A field, fragment spread or inline fragment.</summary>
public abstract class SelectionNode(Location location, IReadOnlyList<DirectiveNode> directives) : SyntaxNode(location)
{
    /// <summary>Directives such as <c>@skip</c> and <c>@include</c>.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}

/// <summary><c>alias: name(args) @d { ... }</c>.</summary>
public sealed class FieldNode(
    Location location,
    string? alias,
    string name,
    IReadOnlyList<ArgumentNode> arguments,
    IReadOnlyList<DirectiveNode> directives,
    SelectionSetNode? selectionSet) : SelectionNode(location, directives)
{
    /// <summary>The alias, if one was written.</summary>
    public string? Alias { get; } = alias;

    /// <summary>The field name.</summary>
    public string Name { get; } = name;

    /// <summary>The key under which the result appears: the alias or the name.</summary>
    public string ResponseName => Alias ?? Name;

    /// <summary>The arguments as written.</summary>
    public IReadOnlyList<ArgumentNode> Arguments { get; } = arguments;

    /// <summary>The sub-selection, null for leaf fields.</summary>
    public SelectionSetNode? SelectionSet { get; } = selectionSet;
}

/// <summary><c>...Name @d</c>.</summary>
public sealed class FragmentSpreadNode(Location location, string name, IReadOnlyList<DirectiveNode> directives)
    : SelectionNode(location, directives)
{
    /// <summary>The spread fragment's name.</summary>
    public string Name { get; } = name;
}

/// <summary><c>... on Type @d { ... }</c>.</summary>
public sealed class InlineFragmentNode(
    Location location,
    NamedTypeNode? typeCondition,
    IReadOnlyList<DirectiveNode> directives,
    SelectionSetNode selectionSet) : SelectionNode(location, directives)
{
    /// <summary>The type condition, null when the fragment only groups directives.</summary>
    public NamedTypeNode? TypeCondition { get; } = typeCondition;

    /// <summary>The fragment body.</summary>
    public SelectionSetNode SelectionSet { get; } = selectionSet;
}
