using Magma.Market.Lsps1;

namespace Magma.Api.Lsps1;

/// <summary>
/// Requests that reach LSPS1 but none of its handlers still get LSPS1's error body, not routing's empty 404/405:
/// ZEUS shows the top-level <c>message</c> of whatever comes back and Alby Hub shows the raw body, so an empty answer
/// leaves the user with nothing to go on.
/// </summary>
public static class Lsps1UnmatchedRequests
{
    /// <summary>
    /// Maps an LSPS1 handler for <paramref name="methods"/> and, on the same path, the answer to every other method,
    /// so the <c>Allow</c> header is built from the very list the handler is mapped with.
    /// </summary>
    public static RouteHandlerBuilder MapLsps1(this IEndpointRouteBuilder routes, string pattern, string[] methods, Delegate handler)
    {
        routes.MapOtherMethods(pattern, methods);
        return routes.MapMethods(pattern, methods, handler);
    }

    /// <summary>
    /// Every method on the route's path. The route's own handlers carry method metadata, which routing prefers, so
    /// this endpoint only sees the methods they do not serve. A plain OPTIONS is 204 as lsps1-rest.md §6.2 asks;
    /// browsers' preflights never get here, the CORS middleware answers them.
    /// </summary>
    private static RouteHandlerBuilder MapOtherMethods(this IEndpointRouteBuilder routes, string pattern, string[] methods)
    {
        var route = pattern[(pattern.LastIndexOf('/') + 1)..];
        var allowed = string.Join(", ", methods.Append(HttpMethods.Options));
        return routes.Map(pattern, (HttpContext context) => OtherMethod(context, route, allowed));
    }

    /// <summary>
    /// Any other path under a prefix only LSPS1 uses: an LSPS1 method that does not exist. Never mapped under
    /// <c>/api/v1</c>, which the LNbits and sandbox routes share, so their misses keep their own answers.
    /// </summary>
    public static RouteHandlerBuilder MapUnknownMethods(this IEndpointRouteBuilder routes) =>
        routes.Map("/{**rest}", (string? rest) => Lsps1Http.Error(new Lsps1Exception(Lsps1Codes.MethodNotFound,
            $"Unknown method '{rest}'. This prefix serves get_info, create_order and get_order.")));

    private static IResult OtherMethod(HttpContext context, string route, string allowed)
    {
        context.Response.Headers.Allow = allowed;
        if (HttpMethods.IsOptions(context.Request.Method))
            return Results.NoContent();
        // The method exists, so not -32601: the request is what is wrong, and 405 says how.
        return Lsps1Http.Error(new Lsps1Exception(Lsps1Codes.InvalidRequest,
            $"{route} does not accept {context.Request.Method}; it accepts {allowed}."), StatusCodes.Status405MethodNotAllowed);
    }
}
