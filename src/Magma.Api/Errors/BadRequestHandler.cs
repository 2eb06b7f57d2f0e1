using Microsoft.AspNetCore.Diagnostics;

namespace Magma.Api.Errors;

/// <summary>
/// Minimal APIs reject unreadable bodies with an empty 400; with ThrowOnBadRequest on, this turns them
/// into the JSON error body every Magma route uses.
/// </summary>
public sealed class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        context.Response.StatusCode = bad.StatusCode;
        await context.Response.WriteAsJsonAsync(new ApiError("invalid-request", RequestProblem(bad)), cancellationToken);
        return true;
    }

    private static string RequestProblem(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json
            ? $"The request body is not valid JSON for this route: {json.Message}"
            : bad.Message;
}
