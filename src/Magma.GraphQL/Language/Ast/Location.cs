namespace Magma.GraphQL.Language.Ast;

/// <summary>A one-based line and column in the source text, as reported in error <c>locations</c>.</summary>
public readonly record struct Location(int Line, int Column);

/// <summary>Base of every syntax node; remembers where it started.</summary>
public abstract class SyntaxNode(Location location)
{
    /// <summary>Where the node starts in the source.</summary>
    public Location Location { get; } = location;
}
