using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Magma.Api.Hosting;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address, so create_order's per-address budget would
/// be one budget for everybody. Listed proxies (<see cref="TrustedProxiesOptions"/>) may say who the client is.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrustedProxiesOptions>().Bind(configuration.GetSection(TrustedProxiesOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrustedProxiesOptions>, TrustedProxiesValidation>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxiesOptions>>((forwarded, trusted) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = trusted.Value.ForwardLimit;
            // ASP.NET Core trusts loopback out of the box; only what the operator listed is trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            // trusted.Value has passed TrustedProxiesValidation, so every entry parses.
            foreach (var proxy in trusted.Value.KnownProxies)
                if (TrustedProxiesOptions.TryParseAddress(proxy, out var address))
                    forwarded.KnownProxies.Add(address);
            foreach (var network in trusted.Value.KnownNetworks)
                if (TrustedProxiesOptions.TryParseNetwork(network, out var parsed))
                    forwarded.KnownIPNetworks.Add(parsed);
        });
        return services;
    }

    /// <summary>
    /// Must run before anything reads the client's address. Left out entirely when no proxy is listed: with empty
    /// lists the middleware would believe any peer, and it believes a peer with no address (a Unix socket) always.
    /// Resolving the options here also makes a malformed list stop the start before the database is touched.
    /// </summary>
    public static void UseTrustedProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<TrustedProxiesOptions>>().Value.Enabled)
            app.UseForwardedHeaders();
    }
}
