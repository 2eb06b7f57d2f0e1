using Magma.Api.Endpoints;
using Magma.Market.Lsps1;

namespace Magma.Api.Lsps1;

/// <summary>
/// bLIP-51 over REST (lsps1-rest.md §6.2): <c>get_info</c>, <c>create_order</c> and <c>get_order</c> under the
/// prefixes real clients hard-code, served by the house seller, and under Magma's <c>/api/lsp/v1/recommended</c> and
/// <c>/cheapest</c>, which route to automated marketplace offers. Routing tolerates a trailing slash. Browsers may
/// call every route (CORS, any origin, no credentials); create_order is rate-limited per client address. Wrong methods
/// and unknown paths answer in LSPS1's error shape (<see cref="Lsps1UnmatchedRequests"/>). The two read routes and
/// the OpenAPI document also answer HEAD.
/// </summary>
public sealed class Lsps1Module : IEndpointModule
{
    /// <summary>The one LSPS1 prefix other APIs (LNbits, the sandbox) also live under.</summary>
    public const string SharedPrefix = "/api/v1";


    // HEAD answers with GET's status and headers (RFC 9110 §9.3.2): link checkers and uptime monitors probe with it.
    private static readonly string[] Reads = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post];
    private static readonly string[] PostOnly = [HttpMethods.Post];

    public static readonly IReadOnlyList<(string Prefix, Lsps1Route Route)> Prefixes =
    [
        (SharedPrefix, Lsps1Route.House),
        ("/api/lsps1/v1", Lsps1Route.House),
        ("/api/v1/lsps1", Lsps1Route.House),
        ("/lsps1", Lsps1Route.House),
        ("/api/lsp/v1/recommended", Lsps1Route.Recommended),
        ("/api/lsp/v1/cheapest", Lsps1Route.Cheapest),
    ];

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        foreach (var (prefix, route) in Prefixes)
        {
            var group = app.MapGroup(prefix).WithTags("LSPS1").RequireCors(Lsps1ApiServices.CorsPolicy);
            group.MapLsps1("/get_info", Reads, GetInfo);
            group.MapLsps1("/create_order", PostOnly, (HttpContext context, Lsps1Service lsps1, Lsps1OrderLimiter limiter, ILogger<Lsps1Module> logger) =>
                limiter.TryTake(context, out var retryAfter) ? CreateOrder(context, lsps1, route, logger) : Task.FromResult(Lsps1OrderLimiter.TooManyRequests(retryAfter)));
            group.MapLsps1("/get_order", Reads, GetOrder);
            if (prefix != SharedPrefix)
                group.MapUnknownMethods();
        }
        app.MapGroup(SharedPrefix).WithTags("LSPS1").RequireCors(Lsps1ApiServices.CorsPolicy)
            .MapLsps1("/jsonrpc", PostOnly, Lsps1JsonRpc.Handle);
        app.MapMethods("/openapi/lsps1.json", [HttpMethods.Get, HttpMethods.Head], Lsps1OpenApi.Serve).WithTags("LSPS1").RequireCors(Lsps1ApiServices.CorsPolicy);
    }

    private static IResult GetInfo(Lsps1Service lsps1, Lsps1InfoCache cache) => Lsps1Http.Ok(Lsps1Handlers.GetInfo(lsps1, cache));

    private static Task<IResult> CreateOrder(HttpContext context, Lsps1Service lsps1, Lsps1Route route, ILogger logger) =>
        Lsps1Handlers.Answer(async () =>
        {
            var body = Lsps1RequestReader.ParseObject(await Lsps1Http.ReadBody(context.Request));
            return await Lsps1Handlers.CreateOrder(lsps1, route, body);
        }, logger);

    /// <summary><c>order_id</c> from the query string (every client), or from a POST body.</summary>
    private static Task<IResult> GetOrder(HttpContext context, Lsps1Service lsps1, ILogger<Lsps1Module> logger) =>
        Lsps1Handlers.Answer(async () =>
        {
            var orderId = context.Request.Query["order_id"].FirstOrDefault();
            if (string.IsNullOrEmpty(orderId) && HttpMethods.IsPost(context.Request.Method))
            {
                var bytes = await Lsps1Http.ReadBody(context.Request);
                if (bytes.Length > 0)
                    orderId = Lsps1RequestReader.OrderIdFromBody(Lsps1RequestReader.ParseObject(bytes));
            }
            return await Lsps1Handlers.GetOrder(lsps1, orderId);
        }, logger);
}
