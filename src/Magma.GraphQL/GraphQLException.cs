namespace Magma.GraphQL;

/// <summary>
/// Thrown by a resolver to report a client-facing error. Its message and <paramref name="code"/> reach the
/// response as <c>extensions.code</c>; any other exception is reported as "Unexpected error.".
/// </summary>
public class GraphQLException(string message, string code = ErrorCodes.BadUserInput, IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception(message)
{
    /// <summary>The machine-readable code, e.g. <c>NOT_FOUND</c>.</summary>
    public string Code { get; } = code;

    /// <summary>Extra entries written next to <c>code</c> in <c>extensions</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; } = extensions;
}
