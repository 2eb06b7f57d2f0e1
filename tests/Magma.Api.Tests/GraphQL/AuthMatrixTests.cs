using System.Text.Json;
using System.Text.RegularExpressions;

namespace Magma.Api.Tests.GraphQL;

/// <summary>
/// Every root field against every credential kind. "OK" means no error; otherwise the expected extensions.code:
/// UNAUTHENTICATED without valid credentials, FORBIDDEN for a valid key without the permission, NOT_FOUND for
/// another tenant's object, BAD_USER_INPUT where the credential passed and the input did not.
/// </summary>
public sealed class AuthMatrixTests(AuthWorld world) : IClassFixture<AuthWorld>
{
    private const string Environments = "{ payment { environment { find_many { list { id } } } } }";
    private const string Wallet = "query($id: String!) { payment { wallet { find_one(id: $id) { id } } } }";
    private const string Receive = "mutation($w: String!) { payment { transaction { create_receive(input: { wallet_id: $w, amount: \"1000\" }) { id } } } }";
    private const string Transactions = "query($e: String!) { payment { transaction { find_many(input: { environment_id: $e }) { total_count } } } }";
    private const string CreateEnvironment = "mutation { payment { environment { create(input: { name: \"x\", type: SANDBOX }) { id } } } }";
    private const string Keys = "{ service_api_key { list { id } } }";
    private const string CreateKey = "mutation($e: String!) { service_api_key { create(input: { name: \"k\", environment_id: $e, permissions: [{ resource: PAYMENTS, level: READ }] }) { plaintext_key } } }";
    private const string Assets = "{ taproot_assets { list { id } } }";
    private const string Price = "{ market { liquidity { liquidity_per_usd { sats } } } }";
    private const string Book = "{ market { offer { list { total } } } }";
    private const string Order = "query($o: String!) { user { market { orders { get_order(order_id: $o) { id } } } } }";
    private const string Purchases = "{ user { market { orders { purchases { total } } } } }";
    private const string Reject = "mutation($o: String!) { market { order { seller { reject(input: { order_id: $o }) { success } } } } }";
    private const string CreateAccount = "mutation { account { create(input: { name: \"n\" }) { id } } }";
    private const string Challenge = "{ account { challenge(pubkey: \"0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798\") { message } } }";
    private const string EventTypes = "{ payment { webhook_endpoint { available_event_types } } }";
    private const string Endpoints = "query($e: String!) { payment { webhook_endpoint { find_many { list(environment_id: $e) { id } } } } }";
    private const string Endpoint = "query($h: String!) { payment { webhook_endpoint { find_one(id: $h) { id } } } }";
    private const string CreateEndpoint = "mutation($e: String!) { payment { webhook_endpoint { create(input: { environment_id: $e, url: \"http://127.0.0.1:9/matrix\", event_filters: [\"payment.failed\"] }) { secret } } } }";
    private const string UpdateEndpoint = "mutation($h: String!) { payment { webhook_endpoint { update(input: { id: $h, active: true }) { id } } } }";
    private const string RotateSecret = "mutation($h: String!) { payment { webhook_endpoint { rotate_secret(id: $h) { secret } } } }";
    private const string DeleteEndpoint = "mutation($h: String!) { payment { webhook_endpoint { delete(id: $h) } } }";
    private const string Events = "query($e: String!) { payment { webhook_event { find_many(input: { environment_id: $e }) { total_count } } } }";
    private const string Event = "{ payment { webhook_event { find_one(id: \"payment.completed:00000000-0000-0000-0000-000000000000\") { id } } } }";
    private const string CreateAccountEndpoint = "mutation { account { create_webhook_endpoint(input: { url: \"http://127.0.0.1:9/matrix\" }) { secret } } }";
    private const string AccountEndpoints = "{ account { webhook_endpoints { id url event_filters active } } }";
    private const string DeleteAccountEndpoint = "mutation($h: String!) { account { delete_webhook_endpoint(id: $h) } }";
    private const string Buy = "mutation { liquidity { buy(input: { connection_uri: \"x\", usd_cents: \"5000\" }) { order { transaction_id } } } }";
    private const string CreateOffer = "mutation { market { offer { create(input: { pubkey: \"0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798\", total_size: \"1000000\", min_size: \"100000\", max_size: \"500000\", min_block_length: 144, fee_rate: 1000, base_fee: 1, fee_rate_cap: 100, base_fee_cap: 1 }) { offer_id } } } }";

    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        void Row(string operation, params (string Credential, string Expected)[] outcomes)
        {
            foreach (var (credential, expected) in outcomes)
                data.Add(operation, credential, expected);
        }
        const string unauth = "UNAUTHENTICATED", forbidden = "FORBIDDEN", missing = "NOT_FOUND", badInput = "BAD_USER_INPUT", ok = "OK";
        Row(Environments, ("none", unauth), ("invalid", unauth), ("admin", ok), ("key", ok), ("key-read", ok), ("account", unauth), ("session", unauth));
        Row(CreateEnvironment, ("none", unauth), ("admin", ok), ("key", ok), ("key-read", forbidden), ("account", unauth));
        Row(Wallet, ("none", unauth), ("admin", ok), ("key", ok), ("key-read", forbidden), ("key-other-env", missing), ("session", unauth));
        Row(Receive, ("none", unauth), ("admin", ok), ("key", ok), ("key-read", forbidden), ("key-other-env", missing), ("account", unauth));
        Row(Transactions, ("none", unauth), ("admin", ok), ("key", ok), ("key-read", ok), ("key-other-env", missing));
        Row(Keys, ("none", unauth), ("admin", ok), ("key", forbidden), ("account", unauth));
        Row(CreateKey, ("none", unauth), ("admin", ok), ("key", forbidden), ("key-other-env", forbidden));
        // A key with only WALLET_CREDENTIALS:WRITE: Magma has no operation that shows or issues wallet credentials to a
        // key, so the permission opens nothing, and in particular not the wallets or payments it might seem to imply.
        foreach (var operation in new[] { Environments, CreateEnvironment, Wallet, Receive, Transactions, Keys, CreateKey, Endpoints, CreateEndpoint, Events })
            Row(operation, ("key-wallet-credentials", forbidden));
        Row(Assets, ("none", ok), ("key", ok), ("session", ok));
        Row(Price, ("none", ok), ("invalid", ok), ("session", ok), ("key", ok));
        Row(Book, ("none", ok), ("session", ok), ("account", ok));
        Row(Order, ("none", unauth), ("invalid", unauth), ("admin", ok), ("session", ok), ("account", missing), ("key", unauth));
        Row(Purchases, ("none", unauth), ("session", ok), ("account", ok), ("key", unauth));
        Row(Reject, ("none", unauth), ("session", missing), ("account", missing));
        Row(CreateAccount, ("none", unauth), ("admin", ok), ("account", forbidden), ("session", forbidden));
        Row(Challenge, ("none", ok), ("session", ok));
        Row(CreateOffer, ("none", unauth), ("account", forbidden), ("session", forbidden));
        Row(Buy, ("none", badInput), ("invalid", unauth), ("session", badInput));
        Row(EventTypes, ("none", unauth), ("invalid", unauth), ("admin", ok), ("key", ok), ("key-read", forbidden), ("key-other-env", ok), ("account", unauth));
        Row(Endpoints, ("none", unauth), ("admin", ok), ("key", ok), ("key-read", forbidden), ("key-other-env", missing), ("session", unauth));
        Row(Endpoint, ("none", unauth), ("admin", ok), ("key", ok), ("key-read", forbidden), ("key-other-env", missing), ("account", unauth));
        Row(CreateEndpoint, ("none", unauth), ("admin", ok), ("key", ok), ("key-read", forbidden), ("key-other-env", missing), ("account", unauth));
        Row(UpdateEndpoint, ("none", unauth), ("admin", ok), ("key", ok), ("key-read", forbidden), ("key-other-env", missing));
        Row(RotateSecret, ("none", unauth), ("key", ok), ("key-read", forbidden), ("key-other-env", missing), ("session", unauth));
        // No OK row: the endpoint must outlive the other rows, which run in no set order.
        Row(DeleteEndpoint, ("none", unauth), ("key-read", forbidden), ("key-other-env", missing), ("account", unauth));
        Row(Events, ("none", unauth), ("admin", ok), ("key", ok), ("key-read", forbidden), ("key-other-env", missing), ("session", unauth));
        Row(Event, ("none", unauth), ("admin", missing), ("key", missing), ("key-read", forbidden));
        // Account endpoints are the market's: a Rails service key is no credential there, and the admin must name an account.
        Row(CreateAccountEndpoint, ("none", unauth), ("invalid", unauth), ("account", ok), ("session", ok), ("admin", badInput), ("key", unauth));
        Row(AccountEndpoints, ("none", unauth), ("invalid", unauth), ("account", ok), ("session", ok), ("admin", badInput), ("key", unauth));
        Row(DeleteAccountEndpoint, ("none", unauth), ("account", missing), ("session", missing), ("admin", missing), ("key", unauth));
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachCredentialGetsTheRightAnswer(string operation, string credential, string expected)
    {
        var variables = new { id = world.WalletA, w = world.WalletA, e = world.EnvironmentA, o = world.OrderId, h = world.EndpointA };

        var result = await world.Client.Graph(operation, variables, world.Credentials[credential]);

        Assert.Equal(expected, result.ErrorCode() ?? "OK");
    }

    [Fact]
    public async Task ALiquidityBuyWithABadBearerIsRefusedRatherThanTreatedAsAnonymous()
    {
        var result = await world.Client.Graph("mutation { liquidity { buy(input: { connection_uri: \"x\", usd_cents: \"5000\" }) { order { transaction_id } } } }",
            null, world.Credentials["invalid"]);

        Assert.Equal("UNAUTHENTICATED", result.ErrorCode());
        Assert.Equal("Unauthorized token", result.At("errors")[0].At("message").GetString());
    }

    /// <summary>A root field, or a webhook operation, added to the schema without a row here fails this test.</summary>
    [Fact]
    public async Task TheMatrixHasARowForEveryRootFieldAndEveryWebhookOperation()
    {
        var operations = Matrix().Select(row => (string)row[0]).Distinct().ToList();
        var roots = (await world.Client.Graph("{ __schema { queryType { fields { name } } mutationType { fields { name } } } }")).Data().At("__schema");
        var missing = new List<string>();
        foreach (var (type, mutation) in new[] { ("queryType", false), ("mutationType", true) })
        {
            foreach (var field in Names(roots.At(type, "fields")))
            {
                if (!operations.Any(op => op.StartsWith("mutation") == mutation && RootField(op) == field))
                    missing.Add((mutation ? "Mutation." : "Query.") + field);
            }
        }
        // The text that leads to each type's fields in an operation.
        var webhookTypes = new[]
        {
            ("WebhookEndpointQueries", "webhook_endpoint { "), ("FindManyWebhookEndpoints", "webhook_endpoint { find_many { "),
            ("WebhookEndpointMutations", "webhook_endpoint { "), ("WebhookEventQueries", "webhook_event { "), ("AccountMutations", "account { "),
        };
        foreach (var (type, path) in webhookTypes)
        {
            var fields = (await world.Client.Graph("query($t: String!) { __type(name: $t) { fields { name } } }", new { t = type })).Data().At("__type", "fields");
            foreach (var field in Names(fields).Where(f => type != "AccountMutations" || f.Contains("webhook")))
            {
                var mutation = type.EndsWith("Mutations");
                if (!operations.Any(op => op.StartsWith("mutation") == mutation && op.Contains(path + field)))
                    missing.Add($"{type}.{field}");
            }
        }

        Assert.Empty(missing);
    }

    private static IEnumerable<string> Names(JsonElement fields) => fields.EnumerateArray().Select(f => f.At("name").GetString()!);

    private static string RootField(string operation) => Regex.Match(operation, @"^[^{]*\{\s*(\w+)").Groups[1].Value;
}
