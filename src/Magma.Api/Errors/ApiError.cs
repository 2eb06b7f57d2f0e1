namespace Magma.Api.Errors;

/// <summary>
/// The error body of Magma's own REST routes (sandbox, administration): a stable kebab-case code plus a
/// sentence for humans. Protocol surfaces (LSPS1, LNbits-style, GraphQL) keep their own error shapes.
/// </summary>
public sealed record ApiError(string Code, string Message)
{
    public static IResult BadRequest(string code, string message) => Results.Json(new ApiError(code, message), statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string code, string message) => Results.Json(new ApiError(code, message), statusCode: StatusCodes.Status404NotFound);

    public static IResult Conflict(string code, string message) => Results.Json(new ApiError(code, message), statusCode: StatusCodes.Status409Conflict);

    public static IResult Unprocessable(string code, string message) => Results.Json(new ApiError(code, message), statusCode: StatusCodes.Status422UnprocessableEntity);

    public static IResult Unauthorized(string message = "A valid admin token is required.") =>
        Results.Json(new ApiError("unauthorized", message), statusCode: StatusCodes.Status401Unauthorized);
}
