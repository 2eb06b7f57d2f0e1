
namespace Magma.Api.Lsps1;

/// <summary>The host pieces LSPS1 needs: a CORS policy for browser clients and the create_order rate limit.</summary>
public static class Lsps1ApiServices
{
    public const string CorsPolicy = "lsps1";

    public static IServiceCollection AddLsps1Api(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<Lsps1InfoCache>();
        // The Megalith BTCPay plugin calls from the browser: any origin, JSON bodies, never credentials.
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.AllowAnyOrigin().AllowAnyHeader().WithMethods("GET", "POST").SetPreflightMaxAge(TimeSpan.FromHours(1))));
        services.AddSingleton<Lsps1OrderLimiter>();
        return services;
    }
}
