using System.Text.Encodings.Web;
using System.Text.Json;
using Magma.GraphQL.Execution;

namespace Magma.GraphQL.Tests.Support;

/// <summary>Executes a request and hands back the serialised response as JSON.</summary>
public static class Run
{
    public static async Task<JsonElement> Json(GraphQLExecutor executor, string query, string? variables = null, string? operationName = null)
    {
        var result = await executor.ExecuteAsync(new GraphQLRequest(query, Variables(variables), operationName));
        return JsonDocument.Parse(result.ToJson()).RootElement.Clone();
    }

    public static Task<JsonElement> Json(string query, string? variables = null, string? operationName = null) =>
        Json(Library.Executor(), query, variables, operationName);

    public static JsonElement? Variables(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Compact(JsonElement element) => JsonSerializer.Serialize(element, Readable);

    public static IReadOnlyList<string> Messages(JsonElement response) =>
        response.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList() : [];

    public static string FirstCode(JsonElement response) =>
        response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;
}
