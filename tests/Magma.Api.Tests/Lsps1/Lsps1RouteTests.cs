using System.Net;
using System.Text.Json;

namespace Magma.Api.Tests.Lsps1;

public sealed class Lsps1RouteTests(Lsps1Fixture fixture) : IClassFixture<Lsps1Fixture>
{
    private Lsps1Host Host => fixture.Host;

    [Theory]
    [InlineData("/api/v1/create_order")]
    [InlineData("/api/lsps1/v1/create_order")]
    [InlineData("/api/lsp/v1/recommended/create_order")]
    public async Task ABrowserPreflightForAJsonPostIsAnsweredForAnyOrigin(string path)
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, path);
        preflight.Headers.Add("Origin", "https://btcpay.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");

        var response = await Host.Client.SendAsync(preflight);

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")));
        Assert.Contains("content-type", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData("/api/v1/get_info")]
    [InlineData("/api/lsps1/v1/create_order")]
    [InlineData("/api/v1/lsps1/get_order")]
    public async Task APlainOptionsRequestIs204(string path)
    {
        var response = await Host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, path));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task AnActualCrossOriginResponseCarriesTheAllowOriginHeader()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/lsps1/v1/get_info");
        request.Headers.Add("Origin", "https://btcpay.example.com");

        var response = await Host.Client.SendAsync(request);

        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Theory]
    [InlineData("/api/v1")]
    [InlineData("/api/lsps1/v1")]
    [InlineData("/api/v1/lsps1")]
    [InlineData("/lsps1")]
    public async Task AnOrderIsReadBackByGetAndByPostUnderEveryPrefix(string prefix)
    {
        var created = await Lsps1Host.Ok(await Host.PostRaw($"{prefix}/create_order/", Lsps1Host.Json(Lsps1Host.Body(Lsps1Fixture.AbsentNode))));
        var id = created.GetProperty("order_id").GetString()!;

        var byGet = await Lsps1Host.Ok(await Host.Client.GetAsync($"{prefix}/get_order/?order_id={id}"));
        var byPost = await Lsps1Host.Ok(await Host.PostRaw($"{prefix}/get_order", $"{{\"order_id\":\"{id}\"}}"));

        Assert.Equal(created.ToString(), byGet.ToString());
        Assert.Equal(created.ToString(), byPost.ToString());
    }

    [Fact]
    public async Task HeadAnswersTheReadRoutesAndTheOpenApiDocumentWithGetsStatusAndHeadersAndNoBody()
    {
        var created = await Host.CreateOrder(Lsps1Host.Json(Lsps1Host.Body(Lsps1Fixture.AbsentNode)));
        var id = created.GetProperty("order_id").GetString()!;

        foreach (var (path, status) in new[]
        {
            ("/api/v1/get_info", HttpStatusCode.OK),
            ("/openapi/lsps1.json", HttpStatusCode.OK),
            ($"/api/lsps1/v1/get_order?order_id={id}", HttpStatusCode.OK),
            ($"/api/v1/get_order?order_id={Guid.NewGuid()}", HttpStatusCode.NotFound),
        })
        {
            var get = await Host.Client.GetAsync(path);
            var head = await Host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.Equal(status, get.StatusCode);
            Assert.Equal(status, head.StatusCode);
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task AnUnknownOrderIs101With404()
    {
        var error = await Lsps1ValidationTests.Error(await Host.Client.GetAsync($"/api/v1/get_order?order_id={Guid.NewGuid()}"), HttpStatusCode.NotFound);

        Assert.Equal(101, error.GetProperty("code").GetInt32());
        Assert.Empty(error.GetProperty("data").EnumerateObject());
    }

    [Fact]
    public async Task AGetOrderWithoutOrderIdIsMinus32602NamingOrderId()
    {
        var error = await Lsps1ValidationTests.Error(await Host.Client.GetAsync("/api/v1/get_order"), HttpStatusCode.BadRequest);

        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Equal("order_id", error.GetProperty("data").GetProperty("property").GetString());
    }

    [Fact]
    public async Task JsonRpcServesTheThreeMethodsInTheEnvelope()
    {
        var info = await Rpc("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"lsps1.get_info\",\"params\":{}}");
        var created = await Rpc("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"lsps1.create_order\",\"params\":" + Lsps1Host.Json(Lsps1Host.Body(Lsps1Fixture.AbsentNode)) + "}");
        var id = created.GetProperty("result").GetProperty("order_id").GetString();
        var read = await Rpc("{\"jsonrpc\":\"2.0\",\"id\":\"c\",\"method\":\"lsps1.get_order\",\"params\":{\"order_id\":\"" + id + "\"}}");

        Assert.Equal("2.0", info.GetProperty("jsonrpc").GetString());
        Assert.Equal("a", info.GetProperty("id").GetString());
        Assert.Equal((await Host.GetInfo()).ToString(), info.GetProperty("result").ToString());
        Assert.Equal(7, created.GetProperty("id").GetInt32());
        Assert.Equal(created.GetProperty("result").ToString(), read.GetProperty("result").ToString());
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"lsps1.nope\",\"params\":{}}", -32601)]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":\"x\",\"method\":\"lsps1.get_info\"}", -32600)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"lsps1.get_order\",\"params\":{\"order_id\":\"00000000-0000-0000-0000-000000000000\"}}", 101)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"lsps1.create_order\",\"params\":{\"lsp_balance_sat\":5}}", -32602)]
    [InlineData("garbage", -32700)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"lsps1.create_order\",\"params\":{}}", -32600)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"lsps1.get_info\"}", -32600)]
    public async Task JsonRpcErrorsTravelInTheEnvelope(string request, int code)
    {
        var response = await Rpc(request);

        Assert.Equal(code, response.GetProperty("error").GetProperty("code").GetInt32());
        Assert.False(response.TryGetProperty("result", out _));
    }

    [Fact]
    public async Task CreateOrderIsRateLimitedPerClientAddressWithError1()
    {
        await using var host = new Lsps1Host(new Dictionary<string, string?> { ["Lsps1:RateLimit:PermitLimit"] = "2", ["Lsps1:RateLimit:Window"] = "00:10:00" });
        var body = Lsps1Host.Json(Lsps1Host.Body(Lsps1Fixture.AbsentNode));

        var first = await host.PostRaw("/api/v1/create_order", body);
        var second = await host.PostRaw("/api/v1/create_order", body);
        var third = await host.PostRaw("/api/v1/create_order", body);
        var info = await host.Client.GetAsync("/api/v1/get_info");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var error = await Lsps1ValidationTests.Error(third, HttpStatusCode.TooManyRequests);
        Assert.Equal(1, error.GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
    }

    [Fact]
    public async Task JsonRpcSpendsTheSameBudgetForCreateOrderOnlyAndPollingStaysFree()
    {
        await using var host = new Lsps1Host(new Dictionary<string, string?> { ["Lsps1:RateLimit:PermitLimit"] = "2", ["Lsps1:RateLimit:Window"] = "00:10:00" });
        var order = Lsps1Host.Json(Lsps1Host.Body(Lsps1Fixture.AbsentNode));
        var rpcCreate = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"lsps1.create_order\",\"params\":" + order + "}";

        var created = await Lsps1Host.Ok(await host.PostRaw("/api/v1/jsonrpc", rpcCreate));
        var orderId = created.GetProperty("result").GetProperty("order_id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await host.PostRaw("/api/v1/create_order", order)).StatusCode);
        // Both ways in share one budget of two: a third order is refused on either.
        var refused = await Lsps1Host.Ok(await host.PostRaw("/api/v1/jsonrpc", rpcCreate));
        Assert.Equal(1, refused.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await host.PostRaw("/api/v1/create_order", order)).StatusCode);

        // A wallet polling its order over JSON-RPC is not counted against creating one.
        for (var i = 0; i < 5; i++)
        {
            var info = await Lsps1Host.Ok(await host.PostRaw("/api/v1/jsonrpc", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"lsps1.get_info\"}"));
            Assert.True(info.TryGetProperty("result", out _));
            var polled = await Lsps1Host.Ok(await host.PostRaw("/api/v1/jsonrpc",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"lsps1.get_order\",\"params\":{\"order_id\":\"" + orderId + "\"}}"));
            Assert.Equal(orderId, polled.GetProperty("result").GetProperty("order_id").GetString());
        }
    }

    private async Task<JsonElement> Rpc(string body) => await Lsps1Host.Ok(await Host.PostRaw("/api/v1/jsonrpc", body));
}
