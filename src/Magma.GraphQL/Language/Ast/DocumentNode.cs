namespace Magma.GraphQL.Language.Ast;

/// <summary>A parsed document: executable definitions, type system definitions, or both.</summary>
public sealed class DocumentNode(IReadOnlyList<DefinitionNode> definitions)
{
    /// <summary>The top-level definitions in written order.</summary>
    public IReadOnlyList<DefinitionNode> Definitions { get; } = definitions;
}

/// <summary>Any top-level definition.</summary>
public abstract class DefinitionNode(Location location) : SyntaxNode(location);

/// <summary>The three kinds of operation.</summary>
public enum OperationType
{
    /// <summary>A read-only fetch.</summary>
    Query,

    /// <summary>A write followed by a fetch.</summary>
    Mutation,

    /// <summary>A long-lived request (parsed, not executed).</summary>
    Subscription,
}
