using Magma.Api.Admin;
using Magma.Market.Accounts;
using Magma.Payments.Access;
using Magma.Payments.Credentials;

namespace Magma.Api.GraphQL;

/// <summary>
/// Reads credentials per design.md's table: <c>x-api-key</c> for Rails service keys; <c>Authorization: Bearer</c>
/// for the admin token, a service key, or a Magma account's API or session key.
/// </summary>
public static class GraphQLCredentials
{
    public static async ValueTask<object?> Resolve(HttpContext http)
    {
        var services = http.RequestServices;
        Caller? payments = null;
        MarketCaller? market = null;
        var bad = false;

        if (http.Request.Headers.TryGetValue("x-api-key", out var apiKey) && !string.IsNullOrEmpty(apiKey))
        {
            payments = await services.GetRequiredService<ApiKeyService>().Authenticate(apiKey.ToString());
            bad |= payments is null;
        }
        if (Bearer(http) is { } token)
        {
            if (services.GetRequiredService<AdminToken>().IsValid(token))
                (payments, market) = (Caller.AdminCaller, MarketCaller.AdminCaller);
            else if (token.StartsWith("amb_", StringComparison.Ordinal))
                bad |= (payments ??= await services.GetRequiredService<ApiKeyService>().Authenticate(token)) is null;
            else
                bad |= (market = await services.GetRequiredService<AccountService>().Authenticate(token)) is null;
        }
        return new GraphQLRequestContext(services, payments, market, bad, PublicBaseUrl(http));
    }

    private static string? Bearer(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    /// <summary><c>Magma:PublicBaseUrl</c> when set (behind a proxy), otherwise the request's own scheme and host.</summary>
    public static string PublicBaseUrl(HttpContext http) =>
        http.RequestServices.GetRequiredService<IConfiguration>()["Magma:PublicBaseUrl"]?.TrimEnd('/')
        ?? $"{http.Request.Scheme}://{http.Request.Host}";
}
