using System.Net.Http.Json;
using System.Text.Json;
using static Magma.Api.Tests.GraphQL.GraphQLClient;

namespace Magma.Api.Tests.GraphQL;

/// <summary>Every GraphQL operation of the seed pages, sent verbatim, with the pages' variables where they give them.</summary>
public sealed class SeedOperationTests(SeedWorld world) : IClassFixture<SeedWorld>
{
    private HttpClient Client => world.Client;
    private (string, string) Key => ApiKey(world.ServiceKey);
    private static readonly (string, string) Admin = Bearer(MagmaApp.AdminToken);

    private static readonly object ReceiveVariables = JsonSerializer.Deserialize<JsonElement>("""
        {"input": {"wallet_id": "5e4b1e2a-9f3c-4a5b-8c7d-1234567890ab", "amount": "100000", "description": "Order #42",
          "expires_in_seconds": 3600, "idempotency_key": "order-42-attempt-1", "metadata": "{\"order_id\":\"42\"}"}}
        """);

    private static readonly object SendVariables = JsonSerializer.Deserialize<JsonElement>("""
        {"input": {"wallet_id": "5e4b1e2a-9f3c-4a5b-8c7d-1234567890ab", "request": { "bolt11": "lnbc100u1p3xxxxxxxx..." }, "idempotency_key": "payout-2026-06-01-42"}}
        """);

    private static readonly object BuyVariables = JsonSerializer.Deserialize<JsonElement>("""
        {"input": {"connection_uri": "[email protected]:9735", "usd_cents": "5000", "options": { "private": false, "rails_cluster_only": false }}}
        """);

    [Fact]
    public async Task CreateEnvironmentWithTheAdminToken()
    {
        var created = (await Client.Graph(SeedOperations.IntegrateCreateEnvironment, null, Admin)).Data().At("payment", "environment", "create");

        Assert.Equal("Sandbox - dev", created.At("name").GetString());
        Assert.Equal("SANDBOX", created.At("type").GetString());
        Assert.True(Guid.TryParse(created.At("id").GetString(), out _));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", created.At("created_at").GetString());
    }

    [Fact]
    public async Task CreateApiKeyReturnsThePlaintextOnceWithPrefixAndSuffix()
    {
        var created = (await Client.Graph(SeedOperations.IntegrateCreateApiKey, null, Admin)).Data().At("service_api_key", "create");

        var plaintext = created.At("plaintext_key").GetString()!;
        Assert.StartsWith("amb_test_", plaintext);
        Assert.Equal(plaintext[..13], created.At("key", "key_prefix").GetString());
        Assert.Equal(plaintext[^4..], created.At("key", "key_suffix").GetString());
        Assert.Equal("backend-prod", created.At("key", "name").GetString());
        Assert.Equal(["WALLETS", "PAYMENTS", "WEBHOOKS"], created.At("key", "permissions").EnumerateArray().Select(p => p.At("resource").GetString()!).ToArray());
    }

    [Theory]
    [InlineData(SeedOperations.IntegrateAvailableAssets)]
    [InlineData(SeedOperations.IntegrateSupportedAssets)]
    public async Task TheAssetListNamesBitcoinAndTheSandboxStablecoins(string operation)
    {
        var list = (await Client.Graph(operation, null, Key)).Data().At("taproot_assets", "list");

        Assert.Contains(list.EnumerateArray(), a => a.At("symbol").GetString() == "BTC" && a.At("precision").GetInt32() == 8);
        Assert.Contains(list.EnumerateArray(), a => a.At("symbol").GetString() == "USDT" && a.At("precision").GetInt32() == 6);
    }

    [Fact]
    public async Task CreateWalletRefusesThePagesAssetPlaceholderAndCreatesTheWalletForARealAssetId()
    {
        var placeholder = await Client.Graph(SeedOperations.IntegrateCreateWallet, null, Key);
        var usdt = (await Client.Graph(SeedOperations.IntegrateAvailableAssets, null, Key)).Data().At("taproot_assets", "list")
            .EnumerateArray().Single(a => a.At("symbol").GetString() == "USDT").At("id").GetString()!;
        // The page tells the reader to put the id listed above in place of the placeholder; nothing else changes.
        var created = (await Client.Graph(SeedOperations.IntegrateCreateWallet.Replace("<asset_id_from_above>", usdt), null, Key))
            .Data().At("payment", "wallet", "create");

        Assert.Equal("BAD_USER_INPUT", placeholder.ErrorCode());
        Assert.True(Guid.TryParse(created.At("id").GetString(), out _));
        Assert.Equal("Main USDT wallet", created.At("name").GetString());
        Assert.Equal("USDT", created.At("asset", "symbol").GetString());
        Assert.Equal(6, created.At("asset", "precision").GetInt32());
        Assert.Equal(("0", "0", "0"), (created.At("balance", "balance").GetString(), created.At("balance", "received").GetString(), created.At("balance", "sent").GetString()));
    }

    [Fact]
    public async Task CreateWebhookEndpointReturnsTheSecretOnceAndTheEndpoint()
    {
        var created = (await Client.Graph(SeedOperations.IntegrateCreateWebhookEndpoint, null, Key)).Data().At("payment", "webhook_endpoint", "create");
        var id = created.At("endpoint", "id").GetString()!;
        try
        {
            Assert.StartsWith("whsec_", created.At("secret").GetString());
            Assert.True(Guid.TryParse(id, out _));
            Assert.Equal("https://api.example.com/webhooks/amboss", created.At("endpoint", "url").GetString());
            Assert.Equal(["payment.completed", "payment.failed", "payment.expired"],
                created.At("endpoint", "event_filters").EnumerateArray().Select(f => f.GetString()!).ToArray());
            Assert.True(created.At("endpoint", "active").GetBoolean());
        }
        finally
        {
            // api.example.com is a real host: no later test's payment should try to reach it.
            var deleted = await Client.Graph("mutation($id: String!) { payment { webhook_endpoint { delete(id: $id) } } }", new { id }, Key);
            Assert.True(deleted.Data().At("payment", "webhook_endpoint", "delete").GetBoolean());
        }
    }

    [Theory]
    [InlineData(SeedOperations.IntegrateCreateReceive, false)]
    [InlineData(SeedOperations.ReceiveCreateReceive, false)]
    [InlineData(SeedOperations.ReceiveAnonymousMutationCurl, true)]
    [InlineData(SeedOperations.ReceiveCreateReceiveGql, true)]
    public async Task CreateReceiveReturnsAPendingInvoice(string operation, bool withVariables)
    {
        var receive = (await Client.Graph(operation, withVariables ? ReceiveVariables : null, Key)).Data().At("payment", "transaction", "create_receive");

        Assert.Equal("PENDING", receive.At("status").GetString());
        Assert.StartsWith("lnbcrt1m1", receive.At("payment_request").GetString());
        Assert.Matches("^[0-9a-f]{64}$", receive.At("payment_hash").GetString());
        // The graphql-request template selects no amount; the others do.
        if (receive.TryGetProperty("amount", out var amount))
        {
            Assert.Equal("100000", amount.At("full_amount").GetString());
            if (amount.TryGetProperty("display_amount", out var display))
                Assert.Equal("0.001", display.GetString());
        }
    }

    [Fact]
    public async Task GetTransactionShowsTheTimelineOfAPaidInvoice()
    {
        var receive = (await Client.Graph(SeedOperations.ReceiveAnonymousMutationCurl, ReceiveVariables, Key)).Data().At("payment", "transaction", "create_receive");
        await Client.PostAsJsonAsync("/api/v1/sandbox/pay", new { payment_request = receive.At("payment_request").GetString() });
        var id = receive.At("id").GetString()!;

        JsonElement tx = default;
        for (var i = 0; i < 200 && tx.ValueKind != JsonValueKind.Object | (tx.ValueKind == JsonValueKind.Object && tx.At("status").GetString() != "COMPLETED"); i++)
        {
            tx = (await Client.Graph(SeedOperations.ReceiveGetTransaction, new { id }, Key)).Data().At("payment", "transaction", "find_one");
            await Task.Delay(25);
        }

        Assert.Equal("COMPLETED", tx.At("status").GetString());
        Assert.Equal("100000", tx.At("settle_amount", "full_amount").GetString());
        Assert.Equal(JsonValueKind.Null, tx.At("error").ValueKind);
        Assert.Equal(JsonValueKind.Null, tx.At("exchange_rate").ValueKind);
        Assert.Equal(["payment.pending", "payment.completed"], tx.At("events").EnumerateArray().Select(e => e.At("event_type").GetString()!).ToArray());
    }

    [Fact]
    public async Task ListTransactionsPagesWithATotalCount()
    {
        var many = (await Client.Graph(SeedOperations.ReceiveListTransactions, null, Key)).Data().At("payment", "transaction", "find_many");

        Assert.Equal(JsonValueKind.Number, many.At("total_count").ValueKind);
        Assert.Equal(50, many.At("pagination", "limit").GetDouble());
        Assert.Equal(0, many.At("pagination", "offset").GetDouble());
        Assert.Equal(JsonValueKind.Array, many.At("list").ValueKind);
    }

    [Theory]
    [InlineData(SeedOperations.SendSendBolt11, false)]
    [InlineData(SeedOperations.SendAnonymousMutationCurl, true)]
    [InlineData(SeedOperations.SendCreateSendGql, true)]
    public async Task TheSeedsPlaceholderInvoiceIsRejectedAsBadInput(string operation, bool withVariables)
    {
        var result = await Client.Graph(operation, withVariables ? SendVariables : null, Key);

        Assert.Equal("BAD_USER_INPUT", result.ErrorCode());
        Assert.StartsWith("Invalid BOLT11 invoice", result.At("errors")[0].At("message").GetString());
    }

    [Fact]
    public async Task TheSeedsLightningAddressPlaceholderIsRejectedAsBadInput()
    {
        var result = await Client.Graph(SeedOperations.SendSendToAddress, null, Key);

        Assert.Equal("BAD_USER_INPUT", result.ErrorCode());
    }

    [Fact]
    public async Task GetSendShowsACompletedPayment()
    {
        var seller = (await (await Client.PostAsJsonAsync("/api/v1/sandbox/nodes", new { alias = "payee" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pubkey").GetString();
        var invoice = (await (await Client.PostAsJsonAsync($"/api/v1/sandbox/nodes/{seller}/invoices", new { amount_msat = 10_000_000 })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payment_request").GetString();
        var send = (await Client.Graph(SeedOperations.SendAnonymousMutationCurl,
            new { input = new { wallet_id = SeedWorld.WalletId, request = new { bolt11 = invoice }, idempotency_key = "payout-" + Guid.NewGuid() } }, Key))
            .Data().At("payment", "transaction", "create_send");

        var found = (await Client.Graph(SeedOperations.SendGetSend, new { id = send.At("id").GetString() }, Key)).Data().At("payment", "transaction", "find_one");

        Assert.Equal("COMPLETED", found.At("status").GetString());
        Assert.Equal("10000", found.At("settle_amount", "full_amount").GetString());
        Assert.NotEqual(JsonValueKind.Null, found.At("settled_at").ValueKind);
    }

    [Theory]
    [InlineData(SeedOperations.MagmaLiquidityPerUsd)]
    [InlineData(SeedOperations.MagmaAnonymousQueryCurl)]
    [InlineData(SeedOperations.MagmaAnonymousQueryGql)]
    public async Task LiquidityPerUsdIsPublic(string operation)
    {
        var price = (await Client.Graph(operation)).Data().At("market", "liquidity", "liquidity_per_usd");

        Assert.True(long.Parse(price.At("sats").GetString()!) > 0);
        Assert.Matches(@"^\d+\.\d\d$", price.At("usd").GetString());
    }

    [Fact]
    public async Task TheSeedsGarbledConnectionUriIsRejectedWithMagmasMessage()
    {
        var result = await Client.Graph(SeedOperations.MagmaBuyLiquidity, BuyVariables);

        Assert.Equal("BAD_USER_INPUT", result.ErrorCode());
        Assert.Equal("connection_uri must be in <pubkey>@<host>:<port> format", result.At("errors")[0].At("message").GetString());
    }

    [Fact]
    public async Task TheGraphQLRequestBuyTemplateReturnsAnInvoiceAndTheCheckoutUrl()
    {
        var buy = (await Client.Graph(SeedOperations.MagmaBuyLiquidityGql, new { input = new { connection_uri = world.BuyerUri, usd_cents = "5000" } }))
            .Data().At("liquidity", "buy");

        Assert.StartsWith("lnbcrt", buy.At("payment", "lightning_invoice").GetString());
        Assert.EndsWith($"/checkout/{buy.At("order", "transaction_id").GetString()}", buy.At("payment", "redirect_url").GetString());
        Assert.True(long.Parse(buy.At("payment", "amount", "sats").GetString()!) > 0);
    }

    [Fact]
    public async Task BuyThenPollTheOrderAndReconcileWithTheSessionKey()
    {
        var variables = new { input = new { connection_uri = world.BuyerUri, usd_cents = "5000", options = new { @private = false, rails_cluster_only = false } } };
        var buy = (await Client.Graph(SeedOperations.MagmaBuyLiquidity, variables)).Data().At("liquidity", "buy");
        var sessionKey = buy.At("account", "session_key").GetString()!;
        var orderId = buy.At("order", "transaction_id").GetString()!;

        Assert.Equal("5000", buy.At("order", "usd_cents").GetString());
        Assert.StartsWith("lnbcrt", buy.At("payment", "lightning_invoice").GetString());
        Assert.EndsWith($"/checkout/{orderId}", buy.At("payment", "redirect_url").GetString());
        var order = (await Client.Graph(SeedOperations.MagmaGetOrderGql, new { orderId }, Bearer(sessionKey))).Data().At("user", "market", "orders", "get_order");
        Assert.Equal("WAITING_FOR_BUYER_PAYMENT", order.At("status").GetString());
        Assert.Equal("PENDING_PAYMENT", order.At("payment_status").GetString());
        Assert.Equal(0, order.At("confirmations", "confirmations").GetInt32());
        var reconcile = (await Client.Graph(SeedOperations.MagmaReconcile, null, Bearer(sessionKey))).Data().At("user", "transactions", "transaction_list", "list");
        Assert.Contains(reconcile.EnumerateArray(), t => t.At("id").GetString() == orderId);

        var again = (await Client.Graph(SeedOperations.MagmaAnonymousMutationCurl, new { input = new { connection_uri = world.BuyerUri, usd_cents = "5000" } }, Bearer(sessionKey)))
            .Data().At("liquidity", "buy");
        Assert.Equal(buy.At("account", "id").GetString(), again.At("account", "id").GetString());
        Assert.Equal(JsonValueKind.Null, again.At("account", "session_key").ValueKind);
    }
}
