using Magma.Market.Lsps1;

namespace Magma.Api.Lsps1;

/// <summary>
/// LSPS1's REST responses: 200 with the bare result on success (ZEUS insists on exactly 200), otherwise the
/// JSON-RPC error object plus a top-level <c>message</c> (ZEUS shows that one) with the HTTP status §5.4 gives.
/// </summary>
public static class Lsps1Http
{
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Request bodies above this are refused before parsing.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static IResult Ok(byte[] json) => new JsonBytes(json, StatusCodes.Status200OK);

    public static IResult Error(Lsps1Exception error) => Error(error, StatusOf(error.Code));

    /// <summary>For answers whose status is not the code's own, such as 405 for a wrong method.</summary>
    public static IResult Error(Lsps1Exception error, int status) => new JsonBytes(Lsps1Json.Error(error), status);

    public static int StatusOf(int code) => code switch
    {
        Lsps1Codes.ClientRejected => StatusCodes.Status403Forbidden,
        Lsps1Codes.NotFound => StatusCodes.Status404NotFound,
        Lsps1Codes.MethodNotFound => StatusCodes.Status404NotFound,
        Lsps1Codes.InternalError => StatusCodes.Status500InternalServerError,
        Lsps1Codes.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    private sealed class JsonBytes(byte[] json, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = JsonContentType;
            httpContext.Response.ContentLength = json.Length;
            // A HEAD answer carries GET's headers, Content-Length included, and no body.
            return HttpMethods.IsHead(httpContext.Request.Method) ? Task.CompletedTask : httpContext.Response.Body.WriteAsync(json).AsTask();
        }
    }

    /// <summary>Reads the whole body; clients may send it with any content type, or none.</summary>
    public static async Task<byte[]> ReadBody(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
                throw new Lsps1Exception(Lsps1Codes.InvalidRequest, $"The body is larger than {MaxBodyBytes} bytes.");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
