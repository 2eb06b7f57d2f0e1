using System.Threading.RateLimiting;
using Magma.Market.Lsps1;
using Microsoft.AspNetCore.RateLimiting;

namespace Magma.Api.Lsps1;

/// <summary>The host pieces LSPS1 needs: a CORS policy for browser clients and the create_order rate limit.</summary>
public static class Lsps1ApiServices
{
    public const string CorsPolicy = "lsps1";
    public const string CreateOrderLimit = "lsps1-create-order";

    public static IServiceCollection AddLsps1Api(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<Lsps1InfoCache>();
        // The Megalith BTCPay plugin calls from the browser: any origin, JSON bodies, never credentials.
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.AllowAnyOrigin().AllowAnyHeader().WithMethods("GET", "POST").SetPreflightMaxAge(TimeSpan.FromHours(1))));
        var limits = configuration.GetSection(Lsps1Options.Section).Get<Lsps1Options>()?.RateLimit ?? new Lsps1Options.RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(CreateOrderLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0 }));
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.ContentType = Lsps1Http.JsonContentType;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var error = new Lsps1Exception(Lsps1Codes.ClientRejected, "Too many orders from this address; try again later.");
                await response.Body.WriteAsync(Lsps1Json.Error(error), cancellationToken);
            };
        });
        return services;
    }
}
