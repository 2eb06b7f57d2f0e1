using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Language;

/// <summary>Thrown when a document or SDL text is not valid GraphQL syntax.</summary>
public sealed class GraphQLSyntaxException(string message, Location location)
    : Exception($"Syntax Error: {message}")
{
    /// <summary>Where the error was found.</summary>
    public Location Location { get; } = location;
}
