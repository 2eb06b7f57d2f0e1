using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Magma.Lightning.Simnet;
using Magma.Market.Escrow;
using Magma.Market.Lsps1;
using Magma.Market.Orders;
using Magma.Payments.Transactions;
using Magma.Payments.Webhooks;
using Magma.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Magma.Market.Tests.Orders;

/// <summary>
/// Every query the periodic jobs run must find its rows through an index: with a hundred thousand finished orders a
/// full scan is what turns a sweep from milliseconds into seconds. The queries are captured as EF runs them and
/// each is explained by SQLite itself.
/// </summary>
public sealed partial class SweepQueryPlanTests : MarketHarness
{
    // Tables that grow with traffic; small configuration tables (offers, environments, …) may be scanned.
    private static readonly string[] Growing =
    [
        "orders", "order_events", "lsps1_orders", "transactions", "transaction_events", "ledger_entries",
        "webhook_events", "webhook_deliveries", "sim_invoices", "sim_payments",
    ];

    [Fact]
    public async Task EveryJobQueryReadsGrowingTablesThroughAnIndex()
    {
        // A little of everything, so each query has rows to plan for.
        var buyer = await BuyerNode();
        var paid = await Get<Lsps1Service>().Create(Lsps1Route.House, new Lsps1Request(100_000, 0, 0, 6, 144, null, null, false, buyer.Pubkey.ToHex()));
        await Simnet.PayFromExternal(paid.Bolt11!.Invoice);
        await Get<Lsps1Service>().Create(Lsps1Route.House, new Lsps1Request(100_000, 0, 0, 6, 144, null, null, false, buyer.Pubkey.ToHex()));

        var queries = await Captured(async () =>
        {
            await Get<DeadlineEnforcer>().Sweep();
            await Get<ChainProgress>().Sweep();
            await Get<EscrowSweep>().Sweep();
            await Get<Lsps1OnchainWatcher>().Sweep();
            await Get<TransactionReconciler>().Sweep();
            await Get<WebhookDeliveryStore>().AnyDue();
        });

        Assert.NotEmpty(queries);
        var scans = new List<string>();
        foreach (var query in queries)
        {
            foreach (var step in await Plan(query))
            {
                if (FullScan().Match(step) is { Success: true } scan && Growing.Contains(scan.Groups[1].Value))
                    scans.Add($"{step}\n    in: {query.Sql}");
            }
        }
        Assert.True(scans.Count == 0, "Full scans of growing tables:\n" + string.Join("\n", scans));
    }

    [Fact]
    public async Task DeadlineSweepsSeekTheIndexesThatHoldOnlyOrdersWithThatDeadline()
    {
        var queries = await Captured(() => Get<DeadlineEnforcer>().Sweep());

        var steps = new List<string>();
        foreach (var query in queries)
            steps.AddRange(await Plan(query));
        // Partial indexes (deadline IS NOT NULL): SQLite only picks them because each query compares that deadline.
        foreach (var index in new[] { "ix_orders_approval_due", "ix_orders_payment_due", "ix_orders_open_due", "ix_orders_htlc_due" })
            Assert.Contains(steps, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains($" USING INDEX {index} (status=? AND ", StringComparison.Ordinal));
    }

    private sealed record CapturedQuery(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>The SELECTs EF sends on this test's database while <paramref name="work"/> runs.</summary>
    private async Task<IReadOnlyList<CapturedQuery>> Captured(Func<Task> work)
    {
        var found = new ConcurrentDictionary<string, CapturedQuery>();
        var mine = new SqliteConnectionStringBuilder(Database.ReadConnectionString).DataSource;
        var inner = new List<IDisposable>();
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new ListenerObserver(listener =>
        {
            if (listener.Name == DbLoggerCategory.Name)
                inner.Add(listener.Subscribe(new EventObserver(pair =>
                {
                    if (pair.Value is CommandEventData { Command: var command } && command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                        && new SqliteConnectionStringBuilder(command.Connection?.ConnectionString ?? "").DataSource == mine)
                        found.TryAdd(command.CommandText, new CapturedQuery(command.CommandText,
                            command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
                })));
        }));
        // EF remembers for a second that nobody listened to command events; a pooled context would skip this one.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await work();
        lock (inner)
            inner.ForEach(s => s.Dispose());
        return found.Values.ToList();
    }

    private Task<List<string>> Plan(CapturedQuery query) => QueryPlans.Of(Database, query.Sql, query.Parameters);

    // "SCAN orders" or "SCAN o" with an alias: SQLite names the table, then AS alias when there is one.
    // A full pass over an index is still a full pass, so "SCAN … USING INDEX" counts too.
    [GeneratedRegex(@"^SCAN (?:TABLE )?(\w+)")]
    private static partial Regex FullScan();

    private sealed class ListenerObserver(Action<DiagnosticListener> onListener) : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value) => onListener(value);
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    private sealed class EventObserver(Action<KeyValuePair<string, object?>> onEvent) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value) => onEvent(value);
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
