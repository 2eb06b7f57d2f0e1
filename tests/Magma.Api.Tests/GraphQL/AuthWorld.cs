using System.Net.Http.Json;
using System.Text.Json;
using Magma.Market.Accounts;
using Magma.Payments.Access;
using Magma.Payments.Credentials;
using Magma.Payments.Environments;
using Magma.Payments.Wallets;
using Magma.Payments.Webhooks;
using Magma.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Magma.Api.Tests.GraphQL.GraphQLClient;

namespace Magma.Api.Tests.GraphQL;

/// <summary>
/// One of each credential kind, two environments (A and B), a wallet and a webhook endpoint in A, and an order bought
/// with a session key.
/// </summary>
public sealed class AuthWorld : IAsyncLifetime
{
    private readonly TemporaryDatabase _database = new();

    public MagmaApp App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public string EnvironmentA { get; private set; } = "";
    public string WalletA { get; private set; } = "";
    public string OrderId { get; private set; } = "";
    /// <summary>A payment webhook endpoint of environment A (payment.failed only, so the matrix's receives send nothing).</summary>
    public string EndpointA { get; private set; } = "";
    public Dictionary<string, (string, string)[]> Credentials { get; } = new();

    public async Task InitializeAsync()
    {
        App = new MagmaApp(_database);
        Client = App.CreateClient();
        var services = App.Services;
        var environments = services.GetRequiredService<EnvironmentService>();
        var keys = services.GetRequiredService<ApiKeyService>();
        EnvironmentA = (await environments.Create(Caller.AdminCaller, "A", Magma.Payments.Data.EnvironmentType.Sandbox)).Id;
        var environmentB = (await environments.Create(Caller.AdminCaller, "B", Magma.Payments.Data.EnvironmentType.Sandbox)).Id;
        WalletA = (await services.GetRequiredService<WalletService>().List(Caller.AdminCaller, EnvironmentA)).Single().Id;

        Permission[] all = [new(PermissionResource.Environments, PermissionLevel.Write), new(PermissionResource.Wallets, PermissionLevel.Write),
            new(PermissionResource.Payments, PermissionLevel.Write), new(PermissionResource.Webhooks, PermissionLevel.Write)];
        Credentials["none"] = [];
        Credentials["invalid"] = [Bearer("not-a-real-key")];
        Credentials["admin"] = [Bearer(MagmaApp.AdminToken)];
        Credentials["key"] = [ApiKey((await keys.Create(Caller.AdminCaller, "full", EnvironmentA, null, all)).PlaintextKey)];
        Credentials["key-read"] = [ApiKey((await keys.Create(Caller.AdminCaller, "read", EnvironmentA, null,
            [new(PermissionResource.Payments, PermissionLevel.Read), new(PermissionResource.Environments, PermissionLevel.Read)])).PlaintextKey)];
        // WALLET_CREDENTIALS is accepted for Rails compatibility but guards nothing in Magma, and implies nothing either.
        Credentials["key-wallet-credentials"] = [ApiKey((await keys.Create(Caller.AdminCaller, "wallet credentials", EnvironmentA, null,
            [new(PermissionResource.WalletCredentials, PermissionLevel.Write)])).PlaintextKey)];
        Credentials["key-other-env"] = [ApiKey((await keys.Create(Caller.AdminCaller, "other", environmentB, null, all)).PlaintextKey)];
        EndpointA = (await services.GetRequiredService<WebhookEndpointService>().Create(Caller.AdminCaller, EnvironmentA, "http://127.0.0.1:9/matrix", ["payment.failed"])).Endpoint.Id;
        Credentials["account"] = [Bearer((await services.GetRequiredService<AccountService>().Create(MarketCaller.AdminCaller, "an account")).Key.Plaintext)];

        var buyer = (await (await Client.PostAsJsonAsync("/api/v1/sandbox/nodes", new { alias = "auth-buyer" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("uri").GetString();
        var buy = (await Client.Graph("mutation($i: LiquidityOrderInput!) { liquidity { buy(input: $i) { account { session_key } order { transaction_id } } } }",
            new { i = new { connection_uri = buyer, usd_cents = "5000" } })).Data().At("liquidity", "buy");
        OrderId = buy.At("order", "transaction_id").GetString()!;
        Credentials["session"] = [Bearer(buy.At("account", "session_key").GetString()!)];
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _database.Dispose();
    }
}
