using Magma.Payments.Data;
using Magma.Payments.Transactions;
using Magma.Testing;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Tests.Transactions;

/// <summary>
/// The reconciler runs every second. Open invoices are most pending rows, so a sweep query that walks every pending
/// transaction grows with them; each must seek through an index made for it.
/// </summary>
public sealed class ReconcilerQueryPlanTests : PaymentsHarness
{
    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

    private const string ByStageDirectionAndAge = "ix_transactions_stage (stage=? AND direction=? AND updated_at<?)";

    public static TheoryData<string, string> Sweeps => new()
    {
        { "Dispatched sends", ByStageDirectionAndAge },
        { "Open sends", ByStageDirectionAndAge },
        { "Internal sends", ByStageDirectionAndAge },
        { "abandoned reservations", ByStageDirectionAndAge },
        { "expired receives", "ix_transactions_status_expiry (status=? AND expires_at<?)" },
    };

    [Theory]
    [MemberData(nameof(Sweeps))]
    public async Task EachSweepQuerySeeksItsRowsInsteadOfWalkingEveryPendingTransaction(string sweep, string seek)
    {
        await using var db = Database.Read<PaymentsDbContext>();
        var query = sweep switch
        {
            "abandoned reservations" => TransactionReconciler.PendingQuery(db, TransactionDirection.Receive, TransactionReconciler.AbandonedReservations(Now)),
            "expired receives" => TransactionReconciler.PendingQuery(db, TransactionDirection.Receive, TransactionReconciler.ExpiredReceives(Now)),
            _ => TransactionReconciler.PendingQuery(db, TransactionDirection.Send,
                TransactionReconciler.SendsToFollow(Enum.Parse<TransactionStage>(sweep.Split(' ')[0]), Now)),
        };

        var plan = await Plan(query.ToQueryString());

        var transactions = Assert.Single(plan, step => step.Contains(" t USING ", StringComparison.Ordinal));
        Assert.StartsWith("SEARCH", transactions);
        Assert.EndsWith(" USING INDEX " + seek, transactions);
    }

    [Fact]
    public async Task DueSandboxBehavioursAreReadInDueOrderFromTheirOwnIndex()
    {
        await using var db = Database.Read<PaymentsDbContext>();

        var plan = await Plan(SandboxOutcomes.DueQuery(db, Now, 200).ToQueryString());

        var transactions = Assert.Single(plan, step => step.Contains(" t USING ", StringComparison.Ordinal));
        Assert.EndsWith(" USING INDEX ix_transactions_sandbox_due (stage=? AND sandbox_due_at<?)", transactions);
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    private Task<List<string>> Plan(string efSql) => QueryPlans.Of(Database, efSql);
}
