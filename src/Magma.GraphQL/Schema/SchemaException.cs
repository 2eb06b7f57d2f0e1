namespace Magma.GraphQL.Schema;

/// <summary>Thrown by <see cref="SchemaBuilder.Build"/> when the SDL or the resolver bindings are invalid.</summary>
public sealed class SchemaException(IReadOnlyList<string> errors)
    : Exception("Invalid schema:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => " - " + e)))
{
    /// <summary>Every problem found, one message each.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
