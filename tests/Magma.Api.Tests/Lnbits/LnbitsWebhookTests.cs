using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Magma.Api.Tests.GraphQL;
using Magma.Testing.Webhooks;
using static Magma.Api.Tests.GraphQL.GraphQLClient;

namespace Magma.Api.Tests.Lnbits;

/// <summary>An invoice's own <c>webhook</c>: checked like an endpoint URL when the invoice is made, called once it is paid.</summary>
public sealed class LnbitsWebhookTests(LnbitsApi api) : IClassFixture<LnbitsApi>
{
    private const string Event = "query($id: String!) { payment { webhook_event { find_one(id: $id) { idempotency_key deliveries { webhook_endpoint_id status http_status } } } } }";
    private const string Events = "query($i: ListWebhookEventsInput!) { payment { webhook_event { find_many(input: $i) { list { id event_type } } } } }";

    [Fact]
    public async Task APaidInvoicesWebhookReceivesTheLnbitsPaymentUnsigned()
    {
        await using var receiver = await TestReceiver.Start();
        var wallet = await api.NewWallet("Webhook shop");
        var created = await api.WithKey(wallet.InvoiceKey).PostAsJsonAsync("/api/v1/payments",
            new { @out = false, amount = 1000, memo = "Coffee payment", webhook = receiver.Url("/paid"), extra = new { order_id = "123" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var invoice = await created.Json<JsonElement>();
        var hash = invoice.GetProperty("payment_hash").GetString()!;

        await api.PayExternally(invoice.GetProperty("payment_request").GetString()!);
        var delivery = await Received(receiver);

        var payment = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal((hash, hash, wallet.Id), (payment.At("payment_hash").GetString(), payment.At("checking_id").GetString(), payment.At("wallet_id").GetString()));
        Assert.Equal(("success", 1_000_000L, "Coffee payment"), (payment.At("status").GetString(), payment.At("amount").GetInt64(), payment.At("memo").GetString()));
        Assert.Equal(receiver.Url("/paid"), payment.At("webhook").GetString());
        Assert.Equal("123", payment.At("extra", "order_id").GetString());
        Assert.Matches("^[0-9a-f]{64}$", payment.At("preimage").GetString());
        Assert.Equal("application/json", delivery.ContentType);
        Assert.Null(delivery.Signature);
        await AssertTheEventShowsAnEndpointlessSuccessfulDelivery(wallet.Id);
    }

    [Theory]
    [InlineData("https://10.1.2.3/hook", "not a public address")]
    [InlineData("http://169.254.169.254/latest/meta-data", "not a public address")]
    [InlineData("https://nowhere.invalid/hook", "could not be resolved")]
    [InlineData("https://intranet.internal/hook", ".internal")]
    [InlineData("ftp://api.example.com/hook", "webhook must be an absolute http(s) URL")]
    [InlineData("https://user:pass@api.example.com/hook", "webhook must not contain credentials")]
    public async Task AWebhookTheEnvironmentMayNotCallIs400WithTheReason(string webhook, string reason)
    {
        var wallet = await api.NewWallet();

        var response = await api.WithKey(wallet.InvoiceKey).PostAsJsonAsync("/api/v1/payments", new { @out = false, amount = 10, webhook });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.Json<JsonElement>()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("https://api.example.com/hooks/lnbits")]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://localhost:9/hook")]
    public async Task APublicOrInThisSandboxLoopbackWebhookIsKept(string webhook)
    {
        var wallet = await api.NewWallet();

        var response = await api.WithKey(wallet.InvoiceKey).PostAsJsonAsync("/api/v1/payments", new { @out = false, amount = 10, webhook = $"  {webhook} " });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(webhook, (await response.Json<JsonElement>()).GetProperty("webhook").GetString());
    }

    private async Task AssertTheEventShowsAnEndpointlessSuccessfulDelivery(string walletId)
    {
        var admin = api.App.Admin();
        var environmentId = (await admin.Graph("query($id: String!) { payment { wallet { find_one(id: $id) { environment_id } } } }", new { id = walletId }))
            .Data().At("payment", "wallet", "find_one", "environment_id").GetString();
        var events = (await admin.Graph(Events, new { i = new { environment_id = environmentId, filter = new { wallet_id = walletId, event_type = "payment.completed" } } }))
            .Data().At("payment", "webhook_event", "find_many", "list");
        var eventId = events.EnumerateArray().Single().At("id").GetString()!;
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(30);
        JsonElement attempt;
        do
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "The invoice webhook's delivery was never recorded as SUCCESS.");
            await Task.Delay(25);
            attempt = (await admin.Graph(Event, new { id = eventId })).Data().At("payment", "webhook_event", "find_one", "deliveries").EnumerateArray().Single();
        }
        while (attempt.At("status").GetString() != "SUCCESS");
        Assert.Equal(JsonValueKind.Null, attempt.At("webhook_endpoint_id").ValueKind);
        Assert.Equal(200, attempt.At("http_status").GetInt32());
    }

    private static async Task<ReceivedWebhook> Received(TestReceiver receiver)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(30);
        while (receiver.Received.Count == 0)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "The invoice's webhook was never called.");
            await Task.Delay(25);
        }
        return Assert.Single(receiver.Received);
    }
}
