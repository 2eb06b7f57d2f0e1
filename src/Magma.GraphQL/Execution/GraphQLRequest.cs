using System.Text.Json;

namespace Magma.GraphQL.Execution;

/// <summary>One GraphQL request: the document text, its variables as a JSON object, and the operation to run.</summary>
public sealed record GraphQLRequest(string? Query, JsonElement? Variables = null, string? OperationName = null);
