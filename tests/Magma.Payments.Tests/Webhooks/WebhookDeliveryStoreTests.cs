using System.Text.RegularExpressions;
using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Transactions;
using Magma.Payments.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Tests.Webhooks;

public sealed class WebhookDeliveryStoreTests : WebhookHostTest
{

    [Fact]
    public async Task TheSweepHandsBackOnlyDeliveriesStuckInProgressForLongerThanTwiceTheTimeout()
    {
        await Host.Endpoints.Create(Caller.AdminCaller, EnvironmentId, "http://127.0.0.1:9/hook", null);
        await Host.Emit(WalletId, PaymentEventTypes.Pending);
        await Host.Store.ClaimDue(10);
        Host.Clock.Advance(Host.Options.Webhooks.RequestTimeout * 2 + TimeSpan.FromSeconds(1));
        await Host.Emit(WalletId, PaymentEventTypes.Completed);
        await Host.Store.ClaimDue(10);

        var cutoff = (Host.Clock.GetUtcNow() - Host.Options.Webhooks.RequestTimeout * 2).UtcDateTime;
        var recovered = await Host.Store.RecoverInterrupted(cutoff);

        Assert.Equal(1, recovered);
        var statuses = (await Host.Deliveries()).Select(d => d.Status).ToList();
        Assert.Equal([DeliveryStatus.Pending, DeliveryStatus.InProgress], statuses);
    }

    [Fact]
    public async Task TheSweepLeavesDeliveriesThisProcessStillHolds()
    {
        await Host.Endpoints.Create(Caller.AdminCaller, EnvironmentId, "http://127.0.0.1:9/hook", null);
        await Host.Emit(WalletId, PaymentEventTypes.Pending);
        await Host.Emit(WalletId, PaymentEventTypes.Completed);
        var (claimed, _) = await Host.Store.ClaimDue(10);
        Host.Clock.Advance(Host.Options.Webhooks.RequestTimeout * 3);

        var cutoff = (Host.Clock.GetUtcNow() - Host.Options.Webhooks.RequestTimeout * 2).UtcDateTime;
        var recovered = await Host.Store.RecoverInterrupted(cutoff, new HashSet<string> { claimed[0].DeliveryId });

        Assert.Equal(1, recovered);
        var deliveries = await Host.Deliveries();
        Assert.Equal(DeliveryStatus.InProgress, deliveries.Single(d => d.Id == claimed[0].DeliveryId).Status);
        Assert.Equal(DeliveryStatus.Pending, deliveries.Single(d => d.Id == claimed[1].DeliveryId).Status);
    }

    [Fact]
    public async Task ClaimingTakesTheOldestDueDeliveriesUpToTheLimitAndNothingNotYetDue()
    {
        await Host.Endpoints.Create(Caller.AdminCaller, EnvironmentId, "http://127.0.0.1:9/hook", null);
        var events = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            events.Add(await Host.Emit(WalletId, PaymentEventTypes.Pending));
            Host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var (first, full) = await Host.Store.ClaimDue(3);
        var (rest, _) = await Host.Store.ClaimDue(3);
        var (none, _) = await Host.Store.ClaimDue(3);

        Assert.True(full);
        Assert.Equal(events.Take(3), first.Select(j => j.EventId));
        Assert.Equal(events.Skip(3), rest.Select(j => j.EventId));
        Assert.Empty(none);
    }

    [Fact]
    public async Task FindingDueDeliveriesIsARangeScanOfTheDueIndexWithoutASort()
    {
        await using var db = Host.Database.Read<PaymentsDbContext>();
        var sql = WebhookDeliveryStore.Due(db, Host.Clock.GetUtcNow().UtcDateTime).Take(64).ToQueryString();
        var statement = string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        await using var connection = await Host.Database.OpenReadConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        foreach (var name in Regex.Matches(statement, @"@\w+").Select(m => m.Value).Distinct())
            command.Parameters.AddWithValue(name, name.Contains("now") ? "2026-11-21 12:00:00" : 64);

        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(3));
        }

        Assert.Contains(plan, step => step.Contains("USING INDEX ix_webhook_deliveries_due (status=? AND next_attempt_at<?)"));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE"));
    }
}
