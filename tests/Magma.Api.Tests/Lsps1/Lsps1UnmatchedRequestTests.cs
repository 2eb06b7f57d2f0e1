using System.Net;

namespace Magma.Api.Tests.Lsps1;

/// <summary>Requests that reach an LSPS1 prefix but no LSPS1 handler still answer in LSPS1's error shape.</summary>
public sealed class Lsps1UnmatchedRequestTests(Lsps1Fixture fixture) : IClassFixture<Lsps1Fixture>
{
    private const string Origin = "https://btcpay.example.com";

    private Lsps1Host Host => fixture.Host;

    [Theory]
    [InlineData("GET", "/api/lsps1/v1/nope")]
    [InlineData("POST", "/api/v1/lsps1/get_orders")]
    [InlineData("GET", "/lsps1/get_info/extra")]
    [InlineData("GET", "/api/lsps1/v1")]
    [InlineData("DELETE", "/lsps1/")]
    [InlineData("POST", "/api/lsp/v1/cheapest/create_orders")]
    [InlineData("GET", "/api/lsp/v1/recommended/info")]
    public async Task AnUnknownPathUnderAnLsps1OnlyPrefixIsMethodNotFoundWith404(string method, string path)
    {
        var response = await Send(method, path);

        var error = await Lsps1ValidationTests.Error(response, HttpStatusCode.NotFound);
        Assert.Equal(-32601, error.GetProperty("code").GetInt32());
        Assert.Equal("Method not found", error.GetProperty("message").GetString());
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/create_order", "POST, OPTIONS")]
    [InlineData("GET", "/api/v1/create_order", "POST, OPTIONS")]
    [InlineData("GET", "/api/lsps1/v1/create_order/", "POST, OPTIONS")]
    [InlineData("PUT", "/api/v1/lsps1/get_info", "GET, HEAD, POST, OPTIONS")]
    [InlineData("PATCH", "/lsps1/get_order", "GET, HEAD, POST, OPTIONS")]
    [InlineData("DELETE", "/api/lsp/v1/recommended/create_order", "POST, OPTIONS")]
    [InlineData("GET", "/api/v1/jsonrpc", "POST, OPTIONS")]
    public async Task AWrongMethodOnAnLsps1RouteIs405WithAllowAndAnLsps1Error(string method, string path, string allow)
    {
        var response = await Send(method, path);

        var error = await Lsps1ValidationTests.Error(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(-32600, error.GetProperty("code").GetInt32());
        Assert.Contains(method, error.GetProperty("data").GetProperty("message").GetString());
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Theory]
    [InlineData("/api/v1/get_info", "GET, HEAD, POST, OPTIONS")]
    [InlineData("/lsps1/create_order", "POST, OPTIONS")]
    [InlineData("/api/v1/jsonrpc", "POST, OPTIONS")]
    public async Task APlainOptionsRequestIs204AndListsTheMethods(string path, string allow)
    {
        var response = await Host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, path));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
    }

    /// <summary><c>/api/v1</c> is shared with LNbits and the sandbox: their misses are not LSPS1's to answer.</summary>
    [Theory]
    [InlineData("GET", "/api/v1/nope", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/sandbox/nope", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/payments/a/b", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/v1/wallet", HttpStatusCode.MethodNotAllowed)]
    public async Task MissesElsewhereUnderTheSharedPrefixAreNotLsps1Errors(string method, string path, HttpStatusCode status)
    {
        var response = await Send(method, path);

        Assert.Equal(status, response.StatusCode);
        Assert.DoesNotContain("\"error\"", await response.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> Send(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Origin", Origin);
        if (method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("{}");
        return Host.Client.SendAsync(request);
    }
}
