using System.Text.Json;
using Magma.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace Magma.GraphQL.Http;

// Reads `{query, variables, operationName}` from a JSON body or a query string; other keys are ignored.
internal static class GraphQLRequestReader
{
    public static async Task<ReadResult> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return ReadResult.Fail("The request body must be a JSON object with a \"query\" string.");
        }

        using (document)
        {
            var body = document.RootElement;
            if (body.ValueKind != JsonValueKind.Object)
                return ReadResult.Fail("The request body must be a JSON object with a \"query\" string.");
            var query = body.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : null;
            if (string.IsNullOrWhiteSpace(query))
                return ReadResult.Fail("The request body must contain a non-empty \"query\" string.");

            var variables = body.TryGetProperty("variables", out var v) ? v : default;
            if (variables.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
                return ReadResult.Fail("\"variables\" must be a JSON object.");
            var operationName = body.TryGetProperty("operationName", out var o) ? o : default;
            if (operationName.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
                return ReadResult.Fail("\"operationName\" must be a string.");

            return ReadResult.Ok(new GraphQLRequest(
                query,
                variables.ValueKind == JsonValueKind.Object ? variables.Clone() : null,
                operationName.ValueKind == JsonValueKind.String ? operationName.GetString() : null));
        }
    }

    public static ReadResult ReadQueryString(IQueryCollection parameters)
    {
        var query = parameters["query"].ToString();
        if (string.IsNullOrWhiteSpace(query))
            return ReadResult.Fail("The \"query\" parameter is required.");

        JsonElement? variables = null;
        var variablesText = parameters["variables"].ToString();
        if (!string.IsNullOrEmpty(variablesText))
        {
            try
            {
                using var document = JsonDocument.Parse(variablesText);
                if (document.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                    return ReadResult.Fail("\"variables\" must be a JSON object.");
                variables = document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
            }
            catch (JsonException)
            {
                return ReadResult.Fail("\"variables\" must be a JSON object.");
            }
        }

        var operationName = parameters["operationName"].ToString();
        return ReadResult.Ok(new GraphQLRequest(query, variables, string.IsNullOrEmpty(operationName) ? null : operationName));
    }

    internal sealed record ReadResult(GraphQLRequest? Request, string? Error)
    {
        public static ReadResult Ok(GraphQLRequest request) => new(request, null);

        public static ReadResult Fail(string error) => new(null, error);
    }
}
