namespace Magma.Api.Tests.GraphQL;

/// <summary>Seed 000: the Rails payments integration guide.</summary>
public static partial class SeedOperations
{
    /// <summary>Seed 000, page.</summary>
    public const string IntegrateCreateEnvironment = """
        mutation CreateEnvironment {
        payment {
        environment {
        create(input: {
        name: "Sandbox - dev"
        type: SANDBOX
        }) {
        id
        name
        type
        created_at
        }
        }
        }
        }
        """;

    /// <summary>Seed 000, page.</summary>
    public const string IntegrateCreateApiKey = """
        mutation CreateApiKey {
        service_api_key {
        create(input: {
        name: "backend-prod"
        environment_id: "81b73615-ddf3-46e3-943a-467c3e442e04"
        permissions: [
        { resource: WALLETS, level: WRITE }
        { resource: PAYMENTS, level: WRITE }
        { resource: WEBHOOKS, level: WRITE }
        ]
        }) {
        plaintext_key
        key {
        id
        name
        key_prefix
        key_suffix
        permissions { resource level }
        }
        }
        }
        }
        """;

    /// <summary>Seed 000, page.</summary>
    public const string IntegrateAvailableAssets = """
        query AvailableAssets {
        taproot_assets {
        list {
        id
        symbol
        precision
        }
        }
        }
        """;

    /// <summary>Seed 000, page.</summary>
    public const string IntegrateCreateWallet = """
        mutation CreateWallet {
        payment {
        wallet {
        create(input: {
        name: "Main USDT wallet"
        environment_id: "81b73615-ddf3-46e3-943a-467c3e442e04"
        asset_id: "<asset_id_from_above>"
        }) {
        id
        name
        asset { symbol precision }
        balance { balance received sent }
        }
        }
        }
        }
        """;

    /// <summary>Seed 000, page.</summary>
    public const string IntegrateCreateReceive = """
        mutation CreateReceive {
        payment {
        transaction {
        create_receive(input: {
        wallet_id: "5e4b1e2a-9f3c-4a5b-8c7d-1234567890ab"
        amount: "100000"
        description: "Order #42"
        expires_in_seconds: 3600
        idempotency_key: "order-42-attempt-1"
        metadata: "{\"order_id\":\"42\"}"
        }) {
        id
        status
        payment_request
        payment_hash
        expires_at
        amount { display_amount full_amount }
        }
        }
        }
        }
        """;

    /// <summary>Seed 000, page.</summary>
    public const string IntegrateCreateWebhookEndpoint = """
        mutation CreateWebhookEndpoint {
        payment {
        webhook_endpoint {
        create(input: {
        environment_id: "81b73615-ddf3-46e3-943a-467c3e442e04"
        url: "https://api.example.com/webhooks/amboss"
        event_filters: ["payment.completed", "payment.failed", "payment.expired"]
        }) {
        secret
        endpoint {
        id
        url
        event_filters
        active
        }
        }
        }
        }
        }
        """;

    /// <summary>Seed 000, page.</summary>
    public const string IntegrateSupportedAssets = """
        query SupportedAssets {
        taproot_assets {
        list {
        id
        symbol
        precision
        }
        }
        }
        """;
}
