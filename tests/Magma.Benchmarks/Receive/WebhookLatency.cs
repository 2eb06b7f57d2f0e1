using System.Collections.Concurrent;
using System.Diagnostics;
using Magma.Lightning.Simnet;
using Magma.Lightning.Storage;
using Magma.Payments;
using Magma.Payments.Access;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Transactions;
using Magma.Payments.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Magma.Benchmarks.Receive;

/// <summary>
/// Webhook latency, in milliseconds. <c>P50/P99</c> run from submitting the unit that records the event (its
/// creation) to the receiver holding the verified delivery; <c>CommitP50/P99</c> from that unit's commit, which
/// leaves out the time the unit queued behind the others on the single writer.
/// </summary>
public sealed record WebhookLatencyResult(
    int Events,
    int Verified,
    int Rejected,
    double P50Milliseconds,
    double P99Milliseconds,
    double MaxMilliseconds,
    double CommitP50Milliseconds,
    double CommitP99Milliseconds,
    double ElapsedSeconds);

/// <summary>
/// Measures webhook delivery in-process, for the <c>receive</c> scenario: a durable (synchronous=FULL) database, the
/// payments services and the delivery worker, a SANDBOX endpoint on a local Kestrel receiver that verifies every
/// signature, and <paramref name="events"/> payment events, each written through the outbox in its own unit together
/// with its settled receive. By default every unit is submitted at once, a burst; <paramref name="maxConcurrentUnits"/>
/// instead models that many clients each waiting for their unit before submitting the next. A warm-up of
/// <see cref="WarmUpEvents"/> events runs first so JIT and EF model building are not measured.
/// </summary>
public static class WebhookLatency
{
    public const int WarmUpEvents = 100;

    public static async Task<WebhookLatencyResult> Measure(string directory, int events = 1_000, int maxConcurrentUnits = int.MaxValue, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var database = new SqliteDatabase(new SqliteOptions { ConnectionString = $"Data Source={Path.Combine(directory, "webhook-latency.db")}", Synchronous = "FULL" });
        await using var receiver = await SignedWebhookReceiver.Start();
        try
        {
            await database.Migrate(typeof(PaymentsOptions).Assembly, "Magma.Payments");
            var simnet = new SimnetNetwork(database, new SimnetOptions { BlockInterval = TimeSpan.Zero, ExpirySweepInterval = TimeSpan.Zero }, TimeProvider.System);
            await simnet.Initialize();
            await using var services = BuildServices(database, new EnvironmentNodes(await simnet.HouseNode()));

            var environment = await services.GetRequiredService<EnvironmentService>().Create(Caller.AdminCaller, "webhook latency", EnvironmentType.Sandbox);
            var endpoint = await services.GetRequiredService<WebhookEndpointService>().Create(Caller.AdminCaller, environment.Id, receiver.Url, []);
            receiver.Secret = endpoint.Secret;
            string walletId;
            await using (var db = database.Read<PaymentsDbContext>())
                walletId = (await db.Wallets.FirstAsync(w => w.EnvironmentId == environment.Id, cancellationToken)).Id;
            var emitter = new Emitter(database, services.GetRequiredService<WebhookOutbox>(), environment.Id, walletId);

            var worker = services.GetRequiredService<WebhookDeliveryWorker>();
            await worker.StartAsync(cancellationToken);
            await emitter.Run(WarmUpEvents, int.MaxValue);
            await receiver.WaitFor(WarmUpEvents, TimeSpan.FromMinutes(2), cancellationToken);
            receiver.Reset();
            emitter.Reset();

            var clock = Stopwatch.StartNew();
            await emitter.Run(events, maxConcurrentUnits);
            await receiver.WaitFor(events, TimeSpan.FromMinutes(5), cancellationToken);
            var elapsed = clock.Elapsed;
            await worker.StopAsync(cancellationToken);

            var fromSubmit = Latencies(emitter.Submitted, receiver.Arrivals);
            var fromCommit = Latencies(emitter.Committed, receiver.Arrivals);
            return new WebhookLatencyResult(events, receiver.Verified, receiver.Rejected, Percentile(fromSubmit, 50), Percentile(fromSubmit, 99),
                fromSubmit.LastOrDefault(), Percentile(fromCommit, 50), Percentile(fromCommit, 99), elapsed.TotalSeconds);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static ServiceProvider BuildServices(SqliteDatabase database, EnvironmentNodes nodes)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton(Options.Create(new PaymentsOptions { Webhooks = { AllowInsecureSandboxUrls = true } }));
        services.AddSingleton(nodes);
        services.AddSingleton<EnvironmentService>();
        services.AddSingleton<AssetCatalog>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookOutbox>();
        services.AddPaymentWebhooks();
        return services.BuildServiceProvider();
    }

    private static double[] Latencies(IReadOnlyDictionary<string, long> from, IReadOnlyDictionary<string, long> arrivals) =>
        arrivals.Where(a => from.ContainsKey(a.Key)).Select(a => Stopwatch.GetElapsedTime(from[a.Key], a.Value).TotalMilliseconds).Order().ToArray();

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, int percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(sorted.Length * percent / 100.0) - 1, 0, sorted.Length - 1)];

    /// <summary>Writes settled receives with their payment.completed events, one unit each, as the payments core does.</summary>
    private sealed class Emitter(SqliteDatabase database, WebhookOutbox outbox, string environmentId, string walletId)
    {
        private readonly ConcurrentDictionary<string, long> _submitted = new();
        private readonly ConcurrentDictionary<string, long> _committed = new();

        public IReadOnlyDictionary<string, long> Submitted => _submitted;

        public IReadOnlyDictionary<string, long> Committed => _committed;

        public void Reset()
        {
            _submitted.Clear();
            _committed.Clear();
        }

        public async Task Run(int events, int maxConcurrentUnits)
        {
            using var clients = new SemaphoreSlim(Math.Clamp(maxConcurrentUnits, 1, events));
            await Task.WhenAll(Enumerable.Range(0, events).Select(async _ =>
            {
                await clients.WaitAsync();
                try
                {
                    await Emit();
                }
                finally
                {
                    clients.Release();
                }
            }));
        }

        private async Task Emit()
        {
            var now = DateTime.UtcNow;
            var tx = new PaymentTransaction
            {
                Id = Guid.NewGuid().ToString(), EnvironmentId = environmentId, WalletId = walletId, Direction = TransactionDirection.Receive,
                Status = TransactionStatus.Completed, Stage = TransactionStage.Final, AssetId = AssetCatalog.Btc.Id, Amount = 21_000_000,
                AmountMsat = 21_000_000, SettleAmount = 21_000_000, PaymentHash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
                PaymentRequest = "lnbcrt210u1benchmark", Description = "webhook latency", IdempotencyKey = Guid.NewGuid().ToString(),
                SettledAt = now, ExpiresAt = now.AddHours(1), CreatedAt = now, UpdatedAt = now,
            };
            var eventId = PaymentEventPayload.EventId(PaymentEventTypes.Completed, tx.Id);
            _submitted[eventId] = Stopwatch.GetTimestamp();
            await database.Write<PaymentsDbContext>(async db =>
            {
                db.Transactions.Add(tx);
                await outbox.Add(db, tx, PaymentEventTypes.Completed, now);
                await db.SaveChangesAsync();
            });
            _committed[eventId] = Stopwatch.GetTimestamp();
        }
    }
}
