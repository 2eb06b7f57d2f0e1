namespace Magma.Api.Tests.GraphQL;

/// <summary>Seed 001: receiving payments.</summary>
public static partial class SeedOperations
{
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
}
