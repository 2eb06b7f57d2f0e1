using System.Text.Json;

namespace Magma.GraphQL.Execution;

/// <summary>
/// The response of one request. Serialises to <c>{"data":…,"errors":[…]}</c>; <c>data</c> is absent when the
/// request failed before execution (parse, validation, limits, variables, operation selection).
/// </summary>
public sealed class ExecutionResult
{
    internal ExecutionResult(IReadOnlyDictionary<string, object?>? data, bool hasData, IReadOnlyList<GraphQLError> errors)
    {
        Data = data;
        HasData = hasData;
        Errors = errors;
    }

    /// <summary>The result data: response keys to values (nested maps, arrays and scalars); null when absent or nulled.</summary>
    public IReadOnlyDictionary<string, object?>? Data { get; }

    /// <summary>Whether the response has a <c>data</c> entry (possibly null).</summary>
    public bool HasData { get; }

    /// <summary>The errors, empty when there were none.</summary>
    public IReadOnlyList<GraphQLError> Errors { get; }

    // Set when a GET request asked for a mutation; the HTTP transport answers 405.
    internal bool IsDisallowedOperation { get; init; }

    internal static ExecutionResult Failed(IReadOnlyList<GraphQLError> errors) => new(null, false, errors);

    internal static ExecutionResult Failed(string message, string code) => Failed([new GraphQLError(message, code)]);

    /// <summary>Writes the response JSON.</summary>
    public void WriteTo(Utf8JsonWriter writer) => ResultWriter.Write(writer, this);

    /// <summary>The response as a JSON string.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
