using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL;

/// <summary>One entry of the response's <c>errors</c> list.</summary>
public sealed class GraphQLError(
    string message,
    string code,
    IReadOnlyList<Location>? locations = null,
    IReadOnlyList<object>? path = null,
    IReadOnlyDictionary<string, object?>? extensions = null)
{
    /// <summary>The human-readable message.</summary>
    public string Message { get; } = message;

    /// <summary>The <c>extensions.code</c> value.</summary>
    public string Code { get; } = code;

    /// <summary>Where in the document the error applies, if anywhere.</summary>
    public IReadOnlyList<Location> Locations { get; } = locations ?? [];

    /// <summary>The response path (field names and list indices) of the failed field, if any.</summary>
    public IReadOnlyList<object>? Path { get; } = path;

    /// <summary>Extra <c>extensions</c> entries besides <c>code</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; } = extensions;

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
