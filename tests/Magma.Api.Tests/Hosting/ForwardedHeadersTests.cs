using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Magma.Api.Tests.GraphQL;
using Magma.Api.Tests.Lsps1;
using Magma.Testing;
using static Magma.Api.Tests.GraphQL.GraphQLClient;

namespace Magma.Api.Tests.Hosting;

/// <summary>
/// <c>Magma:ForwardedHeaders</c>: behind a listed proxy, X-Forwarded-For names the client, so each client gets its own
/// create_order budget, and X-Forwarded-Proto the scheme; with nothing listed both headers are ignored.
/// </summary>
public sealed class ForwardedHeadersTests : IDisposable
{
    private const string Proxies = "Magma:ForwardedHeaders:KnownProxies:0";
    private const string Networks = "Magma:ForwardedHeaders:KnownNetworks:0";

    private readonly TemporaryDatabase _database = new();

    [Theory]
    [InlineData(Proxies, "127.0.0.1", "127.0.0.1")]
    [InlineData(Proxies, "::1", "::1")]
    [InlineData(Networks, "10.0.0.0/8", "10.20.30.40")]
    [InlineData(Networks, "fd00::/8", "fd12::7")]
    public async Task BehindAListedProxyEachForwardedClientHasItsOwnOrderBudget(string key, string value, string proxy)
    {
        await using var app = App(new() { [key] = value });
        var client = PeerAddress.From(app, proxy).CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await CreateOrder(client, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await CreateOrder(client, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CreateOrder(client, "203.0.113.2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CreateOrder(client, "2001:db8::2")).StatusCode);
    }

    [Fact]
    public async Task WithoutConfigurationXForwardedForIsIgnoredEvenFromLoopback()
    {
        await using var app = App([]);
        var client = PeerAddress.From(app, "127.0.0.1").CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await CreateOrder(client, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await CreateOrder(client, "203.0.113.2")).StatusCode);
    }

    [Fact]
    public async Task XForwardedForFromAPeerThatIsNotListedIsIgnored()
    {
        await using var app = App(new() { [Proxies] = "127.0.0.1", [Networks] = "10.0.0.0/8" });
        var client = PeerAddress.From(app, "192.0.2.9").CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await CreateOrder(client, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await CreateOrder(client, "203.0.113.2")).StatusCode);
    }

    [Fact]
    public async Task OnlyTheLastHopIsTakenUnlessForwardLimitAllowsMore()
    {
        // A client may send its own X-Forwarded-For; the proxy appends the address it saw, and only that one counts.
        await using var app = App(new() { [Proxies] = "127.0.0.1" });
        var client = PeerAddress.From(app, "127.0.0.1").CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await CreateOrder(client, "198.51.100.1, 203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await CreateOrder(client, "198.51.100.2, 203.0.113.1")).StatusCode);
    }

    [Fact]
    public async Task AChainOfListedProxiesIsFollowedUpToForwardLimit()
    {
        await using var app = App(new() { [Proxies] = "127.0.0.1", [Networks] = "10.0.0.0/8", ["Magma:ForwardedHeaders:ForwardLimit"] = "2" });
        var client = PeerAddress.From(app, "127.0.0.1").CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await CreateOrder(client, "203.0.113.1, 10.0.0.2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CreateOrder(client, "203.0.113.2, 10.0.0.2")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await CreateOrder(client, "203.0.113.2, 10.0.0.3")).StatusCode);
    }

    [Theory]
    [InlineData(true, "https://")]
    [InlineData(false, "http://")]
    public async Task XForwardedProtoFromAListedProxyIsTheSchemeOfTheCheckoutUrl(bool listed, string scheme)
    {
        await using var app = App(listed ? new() { [Proxies] = "127.0.0.1" } : []);
        var client = PeerAddress.From(app, "127.0.0.1").CreateClient();
        var buyer = await (await client.PostAsJsonAsync("/api/v1/sandbox/nodes", new { alias = "buyer" })).Json<JsonElement>();

        var buy = (await client.Graph(SeedOperations.MagmaBuyLiquidityGql,
            new { input = new { connection_uri = buyer.GetProperty("uri").GetString(), usd_cents = "5000" } }, ("X-Forwarded-Proto", "https")))
            .Data().At("liquidity", "buy");

        Assert.StartsWith(scheme, buy.At("payment", "redirect_url").GetString());
    }

    [Theory]
    [InlineData("KnownProxies", "10.0.0.300")]
    [InlineData("KnownProxies", "proxy.example")]
    [InlineData("KnownProxies", "10.1")]
    [InlineData("KnownProxies", "10.0.0.0/8")]
    [InlineData("KnownNetworks", "10.0.0.0/33")]
    [InlineData("KnownNetworks", "10.0.0.1/8")]
    [InlineData("KnownNetworks", "10.0.0.0")]
    [InlineData("KnownNetworks", "fd00::/129")]
    [InlineData("ForwardLimit", "0")]
    public void AMalformedSettingStopsTheStartNamingTheKeyAndTheValue(string key, string value)
    {
        var name = key == "ForwardLimit" ? $"Magma:ForwardedHeaders:{key}" : $"Magma:ForwardedHeaders:{key}:0";
        using var app = new MagmaApp(_database, new Dictionary<string, string?> { [name] = value });

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        var message = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains(name, message);
        Assert.Contains($"'{value}'", message);
    }

    /// <summary>One create_order per client address and window, so a second one shows whose budget it spent.</summary>
    private MagmaApp App(Dictionary<string, string?> settings)
    {
        settings["Lsps1:RateLimit:PermitLimit"] = "1";
        settings["Lsps1:RateLimit:Window"] = "00:10:00";
        return new MagmaApp(_database, settings);
    }

    private static Task<HttpResponseMessage> CreateOrder(HttpClient client, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/create_order")
        {
            Content = new StringContent(Lsps1Host.Json(Lsps1Host.Body(Lsps1Fixture.AbsentNode))),
        };
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                    yield return inner;
        }
    }

    public void Dispose() => _database.Dispose();
}
