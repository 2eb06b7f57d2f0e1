using System.Text.Json;
using Magma.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace Magma.GraphQL.Http;

// Turns HTTP requests into GraphQL requests and writes the results straight to the response body.
internal sealed class GraphQLHttpHandler(GraphQLExecutor executor, GraphQLHttpOptions options)
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public async Task HandlePostAsync(HttpContext http)
    {
        var read = await GraphQLRequestReader.ReadBodyAsync(http.Request, http.RequestAborted);
        if (read.Error is not null)
        {
            await WriteProblemAsync(http, StatusCodes.Status400BadRequest, read.Error);
            return;
        }

        await ExecuteAsync(http, read.Request!, allowOnlyQueries: false);
    }

    public async Task HandleGetAsync(HttpContext http)
    {
        var read = GraphQLRequestReader.ReadQueryString(http.Request.Query);
        if (read.Error is not null)
        {
            await WriteProblemAsync(http, StatusCodes.Status400BadRequest, read.Error);
            return;
        }

        await ExecuteAsync(http, read.Request!, allowOnlyQueries: true);
    }

    private async Task ExecuteAsync(HttpContext http, GraphQLRequest request, bool allowOnlyQueries)
    {
        var userContext = options.UserContextFactory is { } factory ? await factory(http) : null;
        var result = await executor.ExecuteAsync(request, userContext, allowOnlyQueries, http.RequestAborted);
        if (result.IsDisallowedOperation)
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = "POST";
        }

        http.Response.ContentType = JsonContentType;
        using (var writer = new Utf8JsonWriter(http.Response.BodyWriter))
            result.WriteTo(writer);
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    private static async Task WriteProblemAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = JsonContentType;
        using (var writer = new Utf8JsonWriter(http.Response.BodyWriter))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            writer.WriteStartObject();
            writer.WriteString("message", message);
            // Clients branch on extensions.code for every error, including those raised before parsing.
            writer.WriteStartObject("extensions");
            writer.WriteString("code", ErrorCodes.BadRequest);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }
}
