using System.Text.Json;
using Magma.Api.Tests.GraphQL;

namespace Magma.Api.Tests.Webhooks;

/// <summary>payment.webhook_endpoint and payment.webhook_event through /graphql with a service key.</summary>
public sealed class WebhookGraphQLTests(WebhookApi api) : IClassFixture<WebhookApi>
{
    private const string EndpointFields = "id url event_filters active environment_id created_at updated_at";
    private const string Create = "mutation($e: String!, $u: String!, $f: [String!]) { payment { webhook_endpoint { create(input: { environment_id: $e, url: $u, event_filters: $f }) { secret endpoint { " + EndpointFields + " } } } } }";
    private const string List = "query($e: String) { payment { webhook_endpoint { find_many { list(environment_id: $e) { id url event_filters active created_at } } } } }";
    private const string FindOne = "query($id: String!) { payment { webhook_endpoint { find_one(id: $id) { " + EndpointFields + " } } } }";
    private const string Update = "mutation($i: UpdateWebhookEndpointInput!) { payment { webhook_endpoint { update(input: $i) { " + EndpointFields + " } } } }";
    private const string Rotate = "mutation($id: String!) { payment { webhook_endpoint { rotate_secret(id: $id) { secret endpoint { id } } } } }";
    private const string Delete = "mutation($id: String!) { payment { webhook_endpoint { delete(id: $id) } } }";
    private const string Receive = "mutation($w: String!) { payment { transaction { create_receive(input: { wallet_id: $w, amount: \"2100\", metadata: \"{\\\"amb_sandbox_behavior\\\":\\\"complete\\\"}\" }) { id } } } }";
    private const string Events = "query($i: ListWebhookEventsInput!) { payment { webhook_event { find_many(input: $i) { list { id event_type transaction_id wallet_id created_at } pagination { limit offset } total_count } } } }";
    private const string Event = "query($id: String!) { payment { webhook_event { find_one(id: $id) { id event_type payload idempotency_key transaction_id wallet_id environment_id created_at deliveries { id webhook_endpoint_id attempt_number status http_status error_message created_at updated_at } } } } }";

    [Fact]
    public async Task AvailableEventTypesAreThePaymentEvents()
    {
        var types = (await api.Graph("{ payment { webhook_endpoint { available_event_types } } }")).Data().At("payment", "webhook_endpoint", "available_event_types");

        Assert.Equal(["payment.pending", "payment.completed", "payment.failed", "payment.expired"], types.EnumerateArray().Select(t => t.GetString()!).ToArray());
    }

    [Fact]
    public async Task AnEndpointIsListedFoundUpdatedRotatedAndDeleted()
    {
        var created = (await api.Graph(Create, new { e = api.EnvironmentId, u = "http://127.0.0.1:9/lifecycle", f = new[] { "payment.completed" } }))
            .Data().At("payment", "webhook_endpoint", "create");
        var id = created.At("endpoint", "id").GetString()!;

        Assert.Equal(api.EnvironmentId, created.At("endpoint", "environment_id").GetString());
        var listed = (await api.Graph(List, new { e = (string?)null })).Data().At("payment", "webhook_endpoint", "find_many", "list");
        Assert.Contains(listed.EnumerateArray(), e => e.At("id").GetString() == id && e.At("url").GetString() == "http://127.0.0.1:9/lifecycle");
        var found = (await api.Graph(FindOne, new { id })).Data().At("payment", "webhook_endpoint", "find_one");
        Assert.Equal(created.At("endpoint").ToString(), found.ToString());

        var updated = (await api.Graph(Update, new { i = new { id, url = "http://localhost:9/moved", event_filters = new[] { "payment.failed", "payment.expired" }, active = false } }))
            .Data().At("payment", "webhook_endpoint", "update");
        Assert.Equal("http://localhost:9/moved", updated.At("url").GetString());
        Assert.Equal(["payment.failed", "payment.expired"], updated.At("event_filters").EnumerateArray().Select(f => f.GetString()!).ToArray());
        Assert.False(updated.At("active").GetBoolean());

        var rotated = (await api.Graph(Rotate, new { id })).Data().At("payment", "webhook_endpoint", "rotate_secret");
        Assert.StartsWith("whsec_", rotated.At("secret").GetString());
        Assert.NotEqual(created.At("secret").GetString(), rotated.At("secret").GetString());
        Assert.Equal(id, rotated.At("endpoint", "id").GetString());

        Assert.True((await api.Graph(Delete, new { id })).Data().At("payment", "webhook_endpoint", "delete").GetBoolean());
        Assert.Equal("NOT_FOUND", (await api.Graph(FindOne, new { id })).ErrorCode());
        Assert.DoesNotContain((await api.Graph(List, new { e = api.EnvironmentId })).Data().At("payment", "webhook_endpoint", "find_many", "list").EnumerateArray(),
            e => e.At("id").GetString() == id);
    }

    [Fact]
    public async Task ACompletedReceiveIsDeliveredSignedAndItsEventShowsTheDelivery()
    {
        var created = (await api.Graph(Create, new { e = api.EnvironmentId, u = api.Receiver.Url("/completed"), f = new[] { "payment.completed" } }))
            .Data().At("payment", "webhook_endpoint", "create");
        var endpointId = created.At("endpoint", "id").GetString()!;
        var txId = (await api.Graph(Receive, new { w = api.WalletId })).Data().At("payment", "transaction", "create_receive", "id").GetString()!;

        var delivery = (await api.ReceivedAt("/completed")).Single();

        WebhookApi.AssertSignedWith(created.At("secret").GetString()!, delivery);
        var eventId = "payment.completed:" + txId;
        Assert.Equal(eventId, delivery.EnvelopeId);
        var events = (await api.Graph(Events, new { i = new { environment_id = api.EnvironmentId, filter = new { transaction_id = txId } } }))
            .Data().At("payment", "webhook_event", "find_many");
        Assert.Equal(["payment.completed", "payment.pending"], events.At("list").EnumerateArray().Select(e => e.At("event_type").GetString()!).ToArray());
        Assert.Equal(2, events.At("total_count").GetInt32());
        var found = await EventOnceDelivered(eventId);
        Assert.Equal(eventId, found.At("idempotency_key").GetString());
        Assert.Equal(delivery.Text, found.At("payload").GetString());
        Assert.Equal((txId, api.WalletId, api.EnvironmentId),
            (found.At("transaction_id").GetString(), found.At("wallet_id").GetString(), found.At("environment_id").GetString()));
        var attempt = found.At("deliveries").EnumerateArray().Single();
        Assert.Equal(endpointId, attempt.At("webhook_endpoint_id").GetString());
        Assert.Equal((1, 200), (attempt.At("attempt_number").GetInt32(), attempt.At("http_status").GetInt32()));
        Assert.Equal(JsonValueKind.Null, attempt.At("error_message").ValueKind);
        var byEndpoint = (await api.Graph(Events, new { i = new { environment_id = api.EnvironmentId, filter = new { endpoint_id = endpointId } } }))
            .Data().At("payment", "webhook_event", "find_many", "list");
        Assert.Equal([eventId], byEndpoint.EnumerateArray().Select(e => e.At("id").GetString()!).ToArray());
    }

    [Fact]
    public async Task EventPagesHoldTwentyByDefaultAndAtMostAHundred()
    {
        var defaults = (await api.Graph(Events, new { i = new { environment_id = api.EnvironmentId } })).Data().At("payment", "webhook_event", "find_many", "pagination");
        var second = (await api.Graph(Events, new { i = new { environment_id = api.EnvironmentId, page = new { limit = 5, offset = 5 } } })).Data().At("payment", "webhook_event", "find_many", "pagination");
        var tooMany = await api.Graph(Events, new { i = new { environment_id = api.EnvironmentId, page = new { limit = 101, offset = 0 } } });

        Assert.Equal((20d, 0d), (defaults.At("limit").GetDouble(), defaults.At("offset").GetDouble()));
        Assert.Equal((5d, 5d), (second.At("limit").GetDouble(), second.At("offset").GetDouble()));
        Assert.Equal("BAD_USER_INPUT", tooMany.ErrorCode());
        Assert.Equal("page.limit", tooMany.At("errors")[0].At("extensions", "field").GetString());
    }

    [Theory]
    [InlineData("https://10.1.2.3/hook", null, "invalid-webhook-url", "url")]
    [InlineData("https://nowhere.invalid/hook", null, "invalid-webhook-url", "url")]
    [InlineData("ftp://api.example.com/hook", null, "invalid-webhook-url", "url")]
    [InlineData("http://127.0.0.1:9/hook", "payment.settled", "invalid-input", "event_filters")]
    public async Task BadInputIsBadUserInputNamingTheReasonAndTheField(string url, string? filter, string reason, string field)
    {
        var result = await api.Graph(Create, new { e = api.EnvironmentId, u = url, f = filter is null ? null : new[] { filter } });

        Assert.Equal("BAD_USER_INPUT", result.ErrorCode());
        var extensions = result.At("errors")[0].At("extensions");
        Assert.Equal((reason, field), (extensions.At("reason").GetString(), extensions.At("field").GetString()));
    }

    [Fact]
    public async Task AnUnknownEventIsNotFound()
    {
        var result = await api.Graph(Event, new { id = "payment.completed:" + Guid.NewGuid() });

        Assert.Equal("NOT_FOUND", result.ErrorCode());
    }

    /// <summary>The receiver has the body before the worker records the answer; wait for the record.</summary>
    private async Task<JsonElement> EventOnceDelivered(string eventId)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(30);
        while (true)
        {
            var found = (await api.Graph(Event, new { id = eventId })).Data().At("payment", "webhook_event", "find_one");
            if (found.At("deliveries").EnumerateArray().Any(d => d.At("status").GetString() == "SUCCESS"))
                return found;
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "The delivery was never recorded as SUCCESS: " + found);
            await Task.Delay(25);
        }
    }
}
