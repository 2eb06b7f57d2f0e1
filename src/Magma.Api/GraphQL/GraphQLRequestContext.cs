using Magma.GraphQL;
using Magma.Market.Accounts;
using Magma.Payments.Access;

namespace Magma.Api.GraphQL;

/// <summary>
/// Who is calling one /graphql request, resolved once from its headers: the Rails caller (admin token or service
/// key) and the Magma caller (admin token, or an account's API or session key). Resolvers ask for the one they need.
/// </summary>
public sealed class GraphQLRequestContext(IServiceProvider services, Caller? payments, MarketCaller? market, bool badCredential, string publicBaseUrl)
{
    public const string UnauthorizedMessage = "Unauthorized token";

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public string PublicBaseUrl { get; } = publicBaseUrl;

    /// <summary>The Rails caller; UNAUTHENTICATED without a valid x-api-key or admin token.</summary>
    public Caller Payments => payments ?? throw Unauthenticated();

    /// <summary>The Magma caller; UNAUTHENTICATED without a valid Bearer key.</summary>
    public MarketCaller Market => market ?? throw Unauthenticated();

    /// <summary>For public operations that also serve known callers (buy): null when anonymous.</summary>
    public MarketCaller? MarketOrAnonymous => badCredential ? throw Unauthenticated() : market;

    public bool IsAdmin => market is MarketCaller.Admin;

    /// <summary>
    /// Node aliases already looked up in this request, by pubkey: an offer book lists the same few nodes many times,
    /// and aliases in a query must not turn one request into one node call per row.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, Task<string?>> NodeAliases { get; } = new(StringComparer.Ordinal);

    private static GraphQLException Unauthenticated() => new(UnauthorizedMessage, ErrorCodes.Unauthenticated);
}
