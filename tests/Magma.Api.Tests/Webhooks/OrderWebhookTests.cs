using System.Net.Http.Json;
using System.Text.Json;
using Magma.Api.Tests.GraphQL;
using Magma.Testing.Webhooks;
using static Magma.Api.Tests.GraphQL.GraphQLClient;

namespace Magma.Api.Tests.Webhooks;

/// <summary>account.create_webhook_endpoint and delete_webhook_endpoint, and the order.status_changed deliveries.</summary>
public sealed class OrderWebhookTests(WebhookApi api) : IClassFixture<WebhookApi>
{
    private const string CreateAccount = "mutation($n: String!) { account { create(input: { name: $n }) { id api_key } } }";
    private const string CreateEndpoint = "mutation($i: AccountWebhookEndpointInput!) { account { create_webhook_endpoint(input: $i) { secret endpoint { id url event_filters active environment_id } } } }";
    private const string ListEndpoints = "query($a: String) { account { webhook_endpoints(account_id: $a) { id url active } } }";
    private const string DeleteEndpoint = "mutation($id: String!) { account { delete_webhook_endpoint(id: $id) } }";
    private const string Buy = "mutation($i: LiquidityOrderInput!) { liquidity { buy(input: $i) { account { id } order { transaction_id } payment { lightning_invoice } } } }";
    private static readonly (string, string) Admin = Bearer(MagmaApp.AdminToken);

    [Fact]
    public async Task AnAccountsEndpointReceivesItsOrdersStatusChangesSignedAndNoPaymentEvents()
    {
        var (accountId, key) = await NewAccount("buyer");
        var created = (await api.Client.Graph(CreateEndpoint, new { i = new { url = api.Receiver.Url("/orders") } }, key)).Data().At("account", "create_webhook_endpoint");
        var secret = created.At("secret").GetString()!;
        Assert.Equal(["order.status_changed"], created.At("endpoint", "event_filters").EnumerateArray().Select(f => f.GetString()!).ToArray());

        var buy = (await api.Client.Graph(Buy, new { i = new { connection_uri = await BuyerNode(), usd_cents = "5000" } }, key)).Data().At("liquidity", "buy");
        var orderId = buy.At("order", "transaction_id").GetString()!;
        Assert.Equal(accountId, buy.At("account", "id").GetString());
        var placed = await api.ReceivedAt("/orders", d => Status(d).Previous is null, "the order's first status");
        var accepted = await api.ReceivedAt("/orders", d => Status(d).Previous == "WAITING_FOR_SELLER_APPROVAL", "the house seller's acceptance");
        await api.Client.PostAsJsonAsync("/api/v1/sandbox/pay", new { payment_request = buy.At("payment", "lightning_invoice").GetString() });
        var paid = await api.ReceivedAt("/orders", d => Status(d).Previous == "WAITING_FOR_BUYER_PAYMENT", "the status after the payment");

        Assert.Equal("WAITING_FOR_SELLER_APPROVAL", Status(placed).Current);
        Assert.Equal("WAITING_FOR_BUYER_PAYMENT", Status(accepted).Current);
        Assert.Equal("SUCCESSFUL_PAYMENT", JsonDocument.Parse(paid.Body).RootElement.At("data", "payment_status").GetString());
        var deliveries = api.Receiver.Received.Where(r => r.Path == "/orders").ToList();
        Assert.All(deliveries, d => WebhookApi.AssertSignedWith(secret, d));
        Assert.All(deliveries.Select(d => JsonDocument.Parse(d.Body).RootElement), b => Assert.Equal(("order.status_changed", accountId, "buyer", orderId),
            (b.At("event_type").GetString(), b.At("account_id").GetString(), b.At("role").GetString(), b.At("data", "order_id").GetString())));
        Assert.Equal(deliveries.Count, deliveries.Select(d => d.EnvelopeId).Distinct().Count());

        // The platform environment's own view shows neither the account's endpoint nor its order events.
        var platform = created.At("endpoint", "environment_id").GetString()!;
        var endpoints = (await api.Client.Graph("query($e: String) { payment { webhook_endpoint { find_many { list(environment_id: $e) { id } } } } }", new { e = platform }, Admin))
            .Data().At("payment", "webhook_endpoint", "find_many", "list");
        Assert.DoesNotContain(endpoints.EnumerateArray(), e => e.At("id").GetString() == created.At("endpoint", "id").GetString());
        var events = (await api.Client.Graph("query($e: String!) { payment { webhook_event { find_many(input: { environment_id: $e, page: { limit: 100, offset: 0 } }) { list { event_type } } } } }", new { e = platform }, Admin))
            .Data().At("payment", "webhook_event", "find_many", "list");
        Assert.NotEmpty(events.EnumerateArray());
        Assert.All(events.EnumerateArray(), e => Assert.StartsWith("payment.", e.At("event_type").GetString()));
    }

    [Fact]
    public async Task OnlyTheOwningAccountOrTheAdminDeletesAnAccountEndpoint()
    {
        var (_, owner) = await NewAccount("owner");
        var (otherId, other) = await NewAccount("other");
        var id = await NewEndpoint(owner, new { url = "http://127.0.0.1:9/owner" });
        var forOther = await NewEndpoint(Admin, new { account_id = otherId, url = "http://127.0.0.1:9/other" });

        Assert.Equal("NOT_FOUND", (await api.Client.Graph(DeleteEndpoint, new { id }, other)).ErrorCode());
        Assert.Equal("NOT_FOUND", (await api.Client.Graph("mutation($id: String!) { payment { webhook_endpoint { delete(id: $id) } } }", new { id }, Admin)).ErrorCode());
        Assert.True((await api.Client.Graph(DeleteEndpoint, new { id }, owner)).Data().At("account", "delete_webhook_endpoint").GetBoolean());
        Assert.Equal("NOT_FOUND", (await api.Client.Graph(DeleteEndpoint, new { id }, owner)).ErrorCode());
        Assert.True((await api.Client.Graph(DeleteEndpoint, new { id = forOther }, Admin)).Data().At("account", "delete_webhook_endpoint").GetBoolean());
    }

    [Fact]
    public async Task AnAccountListsItsOwnEndpointsOnlyAndTheAdminNamesTheAccount()
    {
        var (ownerId, owner) = await NewAccount("lister");
        var (_, other) = await NewAccount("not the lister");
        var first = await NewEndpoint(owner, new { url = "http://127.0.0.1:9/first" });
        var second = await NewEndpoint(owner, new { url = "http://127.0.0.1:9/second" });
        await NewEndpoint(other, new { url = "http://127.0.0.1:9/theirs" });
        await api.Client.Graph(DeleteEndpoint, new { id = first }, owner);

        var mine = (await api.Client.Graph(ListEndpoints, null, owner)).Data().At("account", "webhook_endpoints");
        var asAdmin = (await api.Client.Graph(ListEndpoints, new { a = ownerId }, Admin)).Data().At("account", "webhook_endpoints");

        var listed = Assert.Single(mine.EnumerateArray());
        Assert.Equal((second, "http://127.0.0.1:9/second", true), (listed.At("id").GetString(), listed.At("url").GetString(), listed.At("active").GetBoolean()));
        Assert.Equal(second, Assert.Single(asAdmin.EnumerateArray()).At("id").GetString());
        Assert.Equal("FORBIDDEN", (await api.Client.Graph(ListEndpoints, new { a = ownerId }, other)).ErrorCode());
    }

    [Theory]
    [InlineData("account", null, "http://127.0.0.1:9/x", "payment.completed", "BAD_USER_INPUT", "event_filters")]
    [InlineData("account", null, "https://10.0.0.1/x", null, "BAD_USER_INPUT", "url")]
    [InlineData("admin", null, "http://127.0.0.1:9/x", null, "BAD_USER_INPUT", "account_id")]
    [InlineData("admin", "unknown", "http://127.0.0.1:9/x", null, "NOT_FOUND", null)]
    [InlineData("account", "other", "http://127.0.0.1:9/x", null, "FORBIDDEN", null)]
    public async Task CreateRefusesWhatAnAccountEndpointCannotBe(string credential, string? accountId, string url, string? filter, string code, string? field)
    {
        var (_, key) = await NewAccount("refused");
        var (otherId, _) = await NewAccount("someone else");
        var input = new
        {
            account_id = accountId switch { "unknown" => Guid.NewGuid().ToString(), "other" => otherId, _ => null },
            url,
            event_filters = filter is null ? null : new[] { filter },
        };

        var result = await api.Client.Graph(CreateEndpoint, new { i = input }, credential == "admin" ? Admin : key);

        Assert.Equal(code, result.ErrorCode());
        if (field is not null)
            Assert.Equal(field, result.At("errors")[0].At("extensions", "field").GetString());
    }

    private static (string? Previous, string? Current) Status(ReceivedWebhook delivery)
    {
        var data = JsonDocument.Parse(delivery.Body).RootElement.At("data");
        return (data.At("previous_status").GetString(), data.At("status").GetString());
    }

    private async Task<(string Id, (string, string) Key)> NewAccount(string name)
    {
        var created = (await api.Client.Graph(CreateAccount, new { n = name }, Admin)).Data().At("account", "create");
        return (created.At("id").GetString()!, Bearer(created.At("api_key").GetString()!));
    }

    private async Task<string> NewEndpoint((string, string) credential, object input) =>
        (await api.Client.Graph(CreateEndpoint, new { i = input }, credential)).Data().At("account", "create_webhook_endpoint", "endpoint", "id").GetString()!;

    private async Task<string> BuyerNode()
    {
        var node = await (await api.Client.PostAsJsonAsync("/api/v1/sandbox/nodes", new { alias = "order-webhook-buyer" })).Json<JsonElement>();
        return node.GetProperty("uri").GetString()!;
    }
}
