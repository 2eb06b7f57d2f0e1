namespace Magma.Api.Tests.GraphQL;

/// <summary>Seed 002: sending payments.</summary>
public static partial class SeedOperations
{
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
}
