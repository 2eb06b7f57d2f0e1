using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Magma.Testing;

namespace Magma.Api.Tests.Lsps1;

/// <summary>
/// The real host for LSPS1 tests: Simnet with blocks on demand, quick sweeps, and a rate limit out of the way
/// unless a test asks for one. The sandbox routes play the client's node, its wallet and its payments.
/// </summary>
public sealed class Lsps1Host : IAsyncDisposable
{
    private readonly TemporaryDatabase _database = new();

    public Lsps1Host(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Lsps1:RateLimit:PermitLimit"] = "10000",
            ["Market:SweepInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        App = new MagmaApp(_database, all);
        Client = App.CreateClient();
    }

    public MagmaApp App { get; }

    public HttpClient Client { get; }

    public async Task<JsonElement> GetInfo(string prefix = "/api/v1") => await Ok(await Client.GetAsync($"{prefix}/get_info"));

    /// <summary>Posts a body exactly as given, the way a client's HTTP library would.</summary>
    public Task<HttpResponseMessage> PostRaw(string path, string body, string contentType = "application/json") =>
        Client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

    public async Task<JsonElement> CreateOrder(string body, string prefix = "/api/v1") => await Ok(await PostRaw($"{prefix}/create_order", body));

    public async Task<JsonElement> GetOrder(string orderId, string prefix = "/api/v1") =>
        await Ok(await Client.GetAsync($"{prefix}/get_order?order_id={orderId}"));

    public async Task<string> NewNode(string alias = "client") =>
        (await Ok(await Client.PostAsJsonAsync("/api/v1/sandbox/nodes", new { alias }), HttpStatusCode.Created)).GetProperty("pubkey").GetString()!;

    public async Task<string> NewAddress(string pubkey) =>
        (await Ok(await Client.PostAsync($"/api/v1/sandbox/nodes/{pubkey}/addresses", null))).GetProperty("address").GetString()!;

    public async Task<JsonElement> Node(string pubkey) => await Ok(await Client.GetAsync($"/api/v1/sandbox/nodes/{pubkey}"));

    public async Task<string> PayInvoice(string invoice) =>
        (await Ok(await Client.PostAsJsonAsync("/api/v1/sandbox/pay", new { payment_request = invoice }))).GetProperty("state").GetString()!;

    public async Task<string> PayOnchain(string address, long sats) =>
        (await Ok(await Client.PostAsJsonAsync("/api/v1/sandbox/onchain/send", new { address, amount_sat = sats }))).GetProperty("txid").GetString()!;

    public async Task<JsonElement> Mine(int blocks = 1) => await Ok(await Client.PostAsJsonAsync("/api/v1/sandbox/mine", new { blocks }));

    /// <summary>Polls get_order until the condition holds; the node events and sweeps run in the background.</summary>
    public async Task<JsonElement> WaitForOrder(string orderId, Func<JsonElement, bool> condition, int timeoutMs = 20_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            var order = await GetOrder(orderId);
            if (condition(order))
                return order;
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException($"The order never reached the expected state: {order}");
            await Task.Delay(50);
        }
    }

    public static async Task<JsonElement> Ok(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A valid body with every field a client may send, for tests that change one thing.</summary>
    public static Dictionary<string, object?> Body(string? publicKey = null) => new()
    {
        ["lsp_balance_sat"] = "1000000",
        ["client_balance_sat"] = "0",
        ["required_channel_confirmations"] = 0,
        ["funding_confirms_within_blocks"] = 6,
        ["channel_expiry_blocks"] = 13140,
        ["token"] = "",
        ["announce_channel"] = false,
        ["public_key"] = publicKey,
    };

    public static string Json(object body) => JsonSerializer.Serialize(body);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        _database.Dispose();
    }
}
