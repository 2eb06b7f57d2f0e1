using System.Net.Http.Json;
using System.Text.Json;

namespace Magma.Api.Tests.GraphQL;

/// <summary>Posts GraphQL requests as graphql-request and curl do: JSON with query, variables and operationName.</summary>
public static class GraphQLClient
{
    public static async Task<JsonElement> Graph(this HttpClient client, string query, object? variables = null, params (string Header, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        foreach (var (header, value) in headers)
            request.Headers.TryAddWithoutValidation(header, value);
        using var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static JsonElement At(this JsonElement element, params string[] path)
    {
        foreach (var name in path)
            element = element.GetProperty(name);
        return element;
    }

    public static string? ErrorCode(this JsonElement result) =>
        result.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0 ? errors[0].At("extensions", "code").GetString() : null;

    /// <summary>Fails with the errors printed when the response carries any.</summary>
    public static JsonElement Data(this JsonElement result)
    {
        Assert.False(result.TryGetProperty("errors", out var errors), errors.ToString());
        return result.GetProperty("data");
    }

    public static (string, string) Bearer(string token) => ("Authorization", "Bearer " + token);

    public static (string, string) ApiKey(string key) => ("x-api-key", key);
}
