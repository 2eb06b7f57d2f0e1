using Magma.Lightning.Storage;

namespace Magma.Market.Tests.Storage;

/// <summary>
/// Migration 007 on a database written before it: failed-payout events that put the node's error in the message
/// every viewer reads keep that error, now in the seller-only column, and read neutrally to the buyer.
/// </summary>
public sealed class OrderEventSellerDetailMigrationTests : MarketHarness
{
    private const string Script = "007_order_event_seller_detail.sql";

    [Fact]
    public async Task AnOldPayoutFailureKeepsItsErrorForTheSellerAndLosesItFromTheMessage()
    {
        var deal = await MarketplaceOrder();
        await Sql(
            "ALTER TABLE order_events DROP COLUMN seller_detail;",
            $"DELETE FROM schema_migrations WHERE module = 'Magma.Market' AND name = '{Script}';",
            $"""
            INSERT INTO order_events (order_id, from_status, to_status, trigger, payment_status, message, created_at)
            VALUES ('{deal.OrderId}', 'WaitingForSellerApproval', 'WaitingForSellerApproval', 'payout.failed', 'PaymentFailed',
                    'Paying the seller failed (attempt 2); retrying in 60 s, until the HTLC deadline: The node refused the payment: no route: try later',
                    '2026-01-01 00:00:00');
            """);

        await Database.Migrate(typeof(MarketServices).Assembly, "Magma.Market");

        var events = await Events(deal.OrderId);
        var payout = Assert.Single(events, e => e.Trigger == "payout.failed");
        Assert.Equal("Seller payout failed (attempt 2); retrying in 60 s, until the HTLC deadline.", payout.Message);
        Assert.Equal("The node refused the payment: no route: try later", payout.SellerDetail);
        Assert.All(events.Where(e => e.Trigger != "payout.failed"), e => Assert.Null(e.SellerDetail));
        Assert.Equal("Order placed; waiting for the seller's approval.", events[0].Message);
    }

    private Task Sql(params string[] statements) =>
        Database.Write((connection, transaction) =>
        {
            foreach (var statement in statements)
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = statement;
                command.ExecuteNonQuery();
            }
            return Task.FromResult(0);
        });
}
