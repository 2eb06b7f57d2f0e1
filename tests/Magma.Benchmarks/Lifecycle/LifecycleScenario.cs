using System.Diagnostics;
using System.Globalization;
using Magma.Benchmarks.Load;
using Magma.Lightning.Simnet;
using Magma.Lightning.Storage;
using Magma.Market.Escrow;
using Magma.Market.Lsps1;
using Magma.Market.Orders;
using Magma.Payments.Transactions;
using Magma.Payments.Webhooks;

namespace Magma.Benchmarks.Lifecycle;

// Two figures from one real host (Release, fresh database, synchronous=FULL):
// - pay_to_open: an outside payer pays an LSPS1 order's hold invoice on Simnet; the time until the order's
//   WAITING_FOR_CHANNEL_OPEN transition is committed, driven by the node's invoice event alone (no sweep runs in
//   between: the jobs' interval is an hour). 200 orders, one after another, after 20 for warm-up.
// - sweep: with 100,000 finished and 1,000 in-flight orders (and their hold transactions) in the database, one pass of
//   every periodic job: deadlines, chain progress, escrow, LSPS1 on-chain, payments reconciliation, webhook due check.
public sealed class LifecycleScenario : IBenchmarkScenario
{
    private const int Orders = 200;
    private const int WarmUp = 20;
    private const int Finished = 100_000;
    private const int InFlight = 1_000;

    public string Name => "lifecycle";

    public async Task<int> Run(string[] args)
    {
        var data = Directory.CreateTempSubdirectory("magma-lifecycle-bench-").FullName;
        try
        {
            await using var host = await BenchmarkHost.Start(data, new Dictionary<string, string?>
            {
                // Only events move orders while the payments are timed; the sweeps are timed on their own below.
                ["Market:SweepInterval"] = "01:00:00",
                ["Payments:SweepInterval"] = "01:00:00",
            });

            var latencies = await PayToOpen(host);
            var p50 = Percentile(latencies, 50);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  pay -> WAITING_FOR_CHANNEL_OPEN over {latencies.Length} orders: p50 {p50:0.0} ms, p90 {Percentile(latencies, 90):0.0} ms, max {latencies[^1]:0.0} ms"));

            var statuses = await host.Get<SqliteDatabase>().Query("SELECT status, COUNT(*) FROM orders GROUP BY status", r => $"{r.GetString(0)} {r.GetInt64(1)}");
            Console.WriteLine($"  the timed orders are now: {string.Join(", ", statuses)}");

            var seeding = Stopwatch.StartNew();
            await Seed(host);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seeded {Finished:N0} finished and {InFlight:N0} in-flight orders in {seeding.Elapsed.TotalSeconds:0.0} s"));
            var sweeps = new List<double>();
            for (var i = 0; i < 5; i++)
                sweeps.Add(await SweepEverything(host, print: i == 4));
            var sweep = sweeps.Skip(1).Order().ElementAt(1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  one full sweep of every job: {sweep:0.0} ms (median of the 4 runs after the first; first {sweeps[0]:0.0} ms)"));

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pay_to_open p50 = {p50:0.0} ms (goal < 50), sweep = {sweep:0.0} ms (goal < 100)"));
            ResultLine.Write("lifecycle", ("pay_to_open_p50_ms", p50), ("sweep_ms", sweep));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<double[]> PayToOpen(BenchmarkHost host)
    {
        var lsps1 = host.Get<Lsps1Service>();
        var simnet = host.Get<SimnetNetwork>();
        var database = host.Get<SqliteDatabase>();
        var buyer = await simnet.CreateNode("lifecycle-buyer");
        var request = new Lsps1Request(100_000, 0, 0, 6, 144, null, null, false, buyer.Pubkey.ToHex());
        var latencies = new List<double>();
        for (var i = 0; i < WarmUp + Orders; i++)
        {
            var order = await lsps1.Create(Lsps1Route.House, request);
            var clock = Stopwatch.StartNew();
            var paid = await simnet.PayFromExternal(order.Bolt11!.Invoice);
            if (paid.Outcome != ExternalPaymentOutcome.Accepted)
                throw new InvalidOperationException($"The hold invoice was not accepted: {paid.Error}");
            await WaitForTransition(database, order.OrderId, nameof(OrderStatus.WaitingForChannelOpen));
            if (i >= WarmUp)
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            // Untimed: let the house's channel open finish, then confirm it so its change can fund the next one.
            await WaitUntilLeft(database, order.OrderId, nameof(OrderStatus.WaitingForChannelOpen));
            await simnet.Mine();
        }
        return latencies.Order().ToArray();
    }

    /// <summary>Polls the order's timeline (a prepared read) until the transition is committed.</summary>
    private static async Task WaitForTransition(SqliteDatabase database, string orderId, string status)
    {
        var deadline = Stopwatch.StartNew();
        while ((await database.Query("SELECT 1 FROM order_events WHERE order_id = $p0 AND to_status = $p1", r => 1, orderId, status)).Count == 0)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"Order {orderId} never reached {status}.");
            await Task.Delay(1);
        }
    }

    private static async Task WaitUntilLeft(SqliteDatabase database, string orderId, string status)
    {
        var deadline = Stopwatch.StartNew();
        while ((await database.Query("SELECT 1 FROM orders WHERE id = $p0 AND status = $p1", r => 1, orderId, status)).Count > 0
            && deadline.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(1);
    }

    private static async Task Seed(BenchmarkHost host)
    {
        var house = host.Get<HouseSeller>();
        var platform = host.Get<MarketPlatform>();
        var tip = await platform.Node.GetBlockHeight();
        var ids = new OrderHistorySeeder.Ids(house.OfferId!, host.Get<Lsps1ClientAccount>().Id, house.Pubkey, platform.EnvironmentId, platform.WalletId);
        await OrderHistorySeeder.Seed(host.Get<SqliteDatabase>(), ids, Finished, InFlight, tip, TimeProvider.System.GetUtcNow().UtcDateTime);
    }

    private static async Task<double> SweepEverything(BenchmarkHost host, bool print)
    {
        var steps = new (string Name, Func<Task> Run)[]
        {
            ("deadlines", () => host.Get<DeadlineEnforcer>().Sweep()),
            ("chain progress", () => host.Get<ChainProgress>().Sweep()),
            ("escrow", () => host.Get<EscrowSweep>().Sweep()),
            ("LSPS1 on-chain", () => host.Get<Lsps1OnchainWatcher>().Sweep()),
            ("payments reconciliation", () => host.Get<TransactionReconciler>().Sweep()),
            ("webhooks due", () => host.Get<WebhookDeliveryStore>().AnyDue()),
        };
        var total = Stopwatch.StartNew();
        foreach (var (name, run) in steps)
        {
            var step = Stopwatch.StartNew();
            await run();
            if (print)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {name,-26} {step.Elapsed.TotalMilliseconds,7:0.0} ms"));
        }
        return total.Elapsed.TotalMilliseconds;
    }

    private static double Percentile(double[] sorted, int percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(sorted.Length * percent / 100.0) - 1, 0, sorted.Length - 1)];
}
