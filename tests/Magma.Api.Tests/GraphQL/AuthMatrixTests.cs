namespace Magma.Api.Tests.GraphQL;

/// <summary>
/// Every root field against every credential kind. "OK" means no error; otherwise the expected extensions.code:
/// UNAUTHENTICATED without valid credentials, FORBIDDEN for a valid key without the permission, NOT_FOUND for
/// another tenant's object.
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
    private const string CreateOffer = "mutation { market { offer { create(input: { pubkey: \"0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798\", total_size: \"1000000\", min_size: \"100000\", max_size: \"500000\", min_block_length: 144, fee_rate: 1000, base_fee: 1, fee_rate_cap: 100, base_fee_cap: 1 }) { offer_id } } } }";

    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        void Row(string operation, params (string Credential, string Expected)[] outcomes)
        {
            foreach (var (credential, expected) in outcomes)
                data.Add(operation, credential, expected);
        }
        const string unauth = "UNAUTHENTICATED", forbidden = "FORBIDDEN", missing = "NOT_FOUND", ok = "OK";
        Row(Environments, ("none", unauth), ("invalid", unauth), ("admin", ok), ("key", ok), ("key-read", ok), ("account", unauth), ("session", unauth));
        Row(CreateEnvironment, ("none", unauth), ("admin", ok), ("key", ok), ("key-read", forbidden), ("account", unauth));
        Row(Wallet, ("none", unauth), ("admin", ok), ("key", ok), ("key-read", forbidden), ("key-other-env", missing), ("session", unauth));
        Row(Receive, ("none", unauth), ("admin", ok), ("key", ok), ("key-read", forbidden), ("key-other-env", missing), ("account", unauth));
        Row(Transactions, ("none", unauth), ("admin", ok), ("key", ok), ("key-read", ok), ("key-other-env", missing));
        Row(Keys, ("none", unauth), ("admin", ok), ("key", forbidden), ("account", unauth));
        Row(CreateKey, ("none", unauth), ("admin", ok), ("key", forbidden), ("key-other-env", forbidden));
        Row(Assets, ("none", ok), ("key", ok), ("session", ok));
        Row(Price, ("none", ok), ("invalid", ok), ("session", ok), ("key", ok));
        Row(Book, ("none", ok), ("session", ok), ("account", ok));
        Row(Order, ("none", unauth), ("invalid", unauth), ("admin", ok), ("session", ok), ("account", missing), ("key", unauth));
        Row(Purchases, ("none", unauth), ("session", ok), ("account", ok), ("key", unauth));
        Row(Reject, ("none", unauth), ("session", missing), ("account", missing));
        Row(CreateAccount, ("none", unauth), ("admin", ok), ("account", forbidden), ("session", forbidden));
        Row(Challenge, ("none", ok), ("session", ok));
        Row(CreateOffer, ("none", unauth), ("account", forbidden), ("session", forbidden));
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachCredentialGetsTheRightAnswer(string operation, string credential, string expected)
    {
        var variables = new { id = world.WalletA, w = world.WalletA, e = world.EnvironmentA, o = world.OrderId };

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
}
