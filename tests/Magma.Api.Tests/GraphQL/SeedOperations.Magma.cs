namespace Magma.Api.Tests.GraphQL;

/// <summary>Seed 003: buying liquidity on Magma.</summary>
public static partial class SeedOperations
{
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
