namespace Magma.GraphQL.Language.Ast;

/// <summary><c>@name(args)</c> applied to a definition or selection.</summary>
public sealed class DirectiveNode(Location location, string name, IReadOnlyList<ArgumentNode> arguments) : SyntaxNode(location)
{
    /// <summary>The directive name without <c>@</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The arguments as written.</summary>
    public IReadOnlyList<ArgumentNode> Arguments { get; } = arguments;
}

/// <summary><c>name: value</c> passed to a field or directive.</summary>
public sealed class ArgumentNode(Location location, string name, ValueNode value) : SyntaxNode(location)
{
    /// <summary>The argument name.</summary>
    public string Name { get; } = name;

    /// <summary>The argument value.</summary>
    public ValueNode Value { get; } = value;
}
