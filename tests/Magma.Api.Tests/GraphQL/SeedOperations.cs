namespace Magma.Api.Tests.GraphQL;

/// <summary>
/// Every GraphQL operation in the seed pages (shared/seeds), copied verbatim by a script: the page listings, the
/// curl bodies and the graphql-request templates. Duplicates across listings are kept once.
/// </summary>
public static class SeedOperations
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

    /// <summary>Seed 001, page.</summary>
    public const string ReceiveCreateReceive = """
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
        amount { full_amount }
        }
        }
        }
        }
        """;

    /// <summary>Seed 001, curl.</summary>
    public const string ReceiveAnonymousMutationCurl = """
        mutation($input: CreateReceiveTransactionInput!) { payment { transaction { create_receive(input: $input) { id status payment_request payment_hash expires_at amount { full_amount } } } } }
        """;

    /// <summary>Seed 001, gql.</summary>
    public const string ReceiveCreateReceiveGql = """

        mutation CreateReceive($input: CreateReceiveTransactionInput!) {
        payment {
        transaction {
        create_receive(input: $input) {
        id
        status
        payment_request
        payment_hash
        expires_at
        }
        }
        }
        }

        """;

    /// <summary>Seed 001, page.</summary>
    public const string ReceiveGetTransaction = """
        query GetTransaction($id: String!) {
        payment {
        transaction {
        find_one(id: $id) {
        id
        status
        settle_amount { full_amount }
        settled_at
        exchange_rate
        error
        events {
        event_type
        message
        details
        created_at
        }
        }
        }
        }
        }
        """;

    /// <summary>Seed 001, page.</summary>
    public const string ReceiveListTransactions = """
        query ListTransactions {
        payment {
        transaction {
        find_many(input: {
        environment_id: "81b73615-ddf3-46e3-943a-467c3e442e04"
        filter: {
        direction: RECEIVE
        status: COMPLETED
        date_range: { from: "2026-06-01T00:00:00Z", to: "2026-06-30T23:59:59Z" }
        }
        page: { limit: 50, offset: 0 }
        }) {
        total_count
        pagination { limit offset }
        list {
        id
        status
        direction
        amount { full_amount }
        settled_at
        wallet_id
        }
        }
        }
        }
        }
        """;

    /// <summary>Seed 002, page.</summary>
    public const string SendSendBolt11 = """
        mutation SendBolt11 {
        payment {
        transaction {
        create_send(input: {
        wallet_id: "5e4b1e2a-9f3c-4a5b-8c7d-1234567890ab"
        request: { bolt11: "lnbc100u1p3xxxxxxxx..." }
        idempotency_key: "payout-2026-06-01-42"
        metadata: "{\"payout_id\":\"42\"}"
        }) {
        id
        status
        payment_hash
        amount { full_amount }
        }
        }
        }
        }
        """;

    /// <summary>Seed 002, curl.</summary>
    public const string SendAnonymousMutationCurl = """
        mutation($input: CreateSendTransactionInput!) { payment { transaction { create_send(input: $input) { id status payment_hash } } } }
        """;

    /// <summary>Seed 002, gql.</summary>
    public const string SendCreateSendGql = """

        mutation CreateSend($input: CreateSendTransactionInput!) {
        payment {
        transaction {
        create_send(input: $input) {
        id
        status
        payment_hash
        }
        }
        }
        }

        """;

    /// <summary>Seed 002, page.</summary>
    public const string SendSendToAddress = """
        mutation SendToAddress {
        payment {
        transaction {
        create_send(input: {
        wallet_id: "5e4b1e2a-9f3c-4a5b-8c7d-1234567890ab"
        address: {
        lightning_address: "[email protected]"
        amount: "50000"
        }
        idempotency_key: "tip-2026-06-01-alice"
        }) {
        id
        status
        }
        }
        }
        }
        """;

    /// <summary>Seed 002, page.</summary>
    public const string SendGetSend = """
        query GetSend($id: String!) {
        payment {
        transaction {
        find_one(id: $id) {
        id
        status
        settle_amount { full_amount }
        settled_at
        exchange_rate
        error
        events {
        event_type
        message
        details
        created_at
        }
        }
        }
        }
        }
        """;

    /// <summary>Seed 003, page.</summary>
    public const string MagmaLiquidityPerUsd = """
        query LiquidityPerUsd {
        market {
        liquidity {
        liquidity_per_usd { sats usd }
        }
        }
        }
        """;

    /// <summary>Seed 003, curl.</summary>
    public const string MagmaAnonymousQueryCurl = """
        query { market { liquidity { liquidity_per_usd { sats usd } } } }
        """;

    /// <summary>Seed 003, page.</summary>
    public const string MagmaBuyLiquidity = """
        mutation BuyLiquidity($input: LiquidityOrderInput!) {
        liquidity {
        buy(input: $input) {
        account { id session_key }
        order { transaction_id usd_cents }
        payment {
        lightning_invoice
        redirect_url
        amount { sats }
        }
        }
        }
        }
        """;

    /// <summary>Seed 003, curl.</summary>
    public const string MagmaAnonymousMutationCurl = """
        mutation($input: LiquidityOrderInput!) { liquidity { buy(input: $input) { account { id session_key } order { transaction_id usd_cents } payment { lightning_invoice redirect_url amount { sats } } } } }
        """;

    /// <summary>Seed 003, gql.</summary>
    public const string MagmaGetOrderGql = """

        query GetOrder($orderId: String!) {
        user {
        market {
        orders {
        get_order(order_id: $orderId) {
        id
        status
        payment_status
        channel_id
        transaction_id
        confirmations { confirmations }
        }
        }
        }
        }
        }

        """;

    /// <summary>Seed 003, page.</summary>
    public const string MagmaReconcile = """
        query Reconcile {
        user {
        transactions {
        transaction_list(page: { limit: 10, offset: 0 }) {
        list { id status created_at }
        }
        }
        }
        }
        """;

    /// <summary>Seed 003, gql.</summary>
    public const string MagmaAnonymousQueryGql = """
        query {
        market { liquidity { liquidity_per_usd { sats usd } } }
        }
        """;

    /// <summary>Seed 003, gql (the page's listing with the payment selection on one line).</summary>
    public const string MagmaBuyLiquidityGql = """
        mutation BuyLiquidity($input: LiquidityOrderInput!) {
        liquidity {
        buy(input: $input) {
        account { id session_key }
        order { transaction_id usd_cents }
        payment { lightning_invoice redirect_url amount { sats } }
        }
        }
        }
        """;
}
