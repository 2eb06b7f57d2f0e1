using Magma.Lightning;
using Magma.Lightning.Storage;
using Magma.Payments.Access;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Transactions;
using Magma.Payments.Webhooks;
using Magma.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace Magma.Payments.Tests.Webhooks;

/// <summary>
/// The webhook services on a temporary database with a hand-moved clock, the way the host wires them. The worker
/// starts only when a test asks; <see cref="Restart"/> builds fresh services over the same database, as a process
/// restart would.
/// </summary>
public sealed class WebhookTestHost : IAsyncDisposable
{
    private readonly TemporaryDatabase _file = new();
    private ServiceProvider _services = null!;
    private bool _workerStarted;

    public ManualTimeProvider Clock { get; } = new();

    public FakeDns Dns { get; } = new();

    public PaymentsOptions Options { get; } = new()
    {
        Webhooks = new PaymentsOptions.WebhookOptions
        {
            AllowInsecureSandboxUrls = true, MaxAttempts = 15, InitialRetryDelay = TimeSpan.FromSeconds(1),
            MaxRetryDelay = TimeSpan.FromSeconds(4), RequestTimeout = TimeSpan.FromSeconds(10),
        },
    };

    /// <summary>Moving the clock this far makes every scheduled retry due, jitter included.</summary>
    public TimeSpan RetryStep => Options.Webhooks.MaxRetryDelay * 2;

    public SqliteDatabase Database { get; private set; } = null!;

    public IServiceProvider Services => _services;

    public WebhookEndpointService Endpoints => _services.GetRequiredService<WebhookEndpointService>();

    public WebhookEventQueries Events => _services.GetRequiredService<WebhookEventQueries>();

    public WebhookDeliveryStore Store => _services.GetRequiredService<WebhookDeliveryStore>();

    public static async Task<WebhookTestHost> Create()
    {
        var host = new WebhookTestHost();
        host.Database = new SqliteDatabase(new SqliteOptions { ConnectionString = host._file.ConnectionString, Synchronous = "NORMAL" });
        await host.Database.Migrate(typeof(PaymentsOptions).Assembly, "Magma.Payments");
        host._services = host.BuildServices();
        return host;
    }

    public async Task StartWorker()
    {
        await _services.GetRequiredService<WebhookDeliveryWorker>().StartAsync(CancellationToken.None);
        _workerStarted = true;
    }

    public async Task StopWorker()
    {
        if (_workerStarted)
            await _services.GetRequiredService<WebhookDeliveryWorker>().StopAsync(CancellationToken.None);
        _workerStarted = false;
    }

    /// <summary>New services (and a new worker, not started) over the same database, like a process restart.</summary>
    public async Task Restart()
    {
        await StopWorker();
        await _services.DisposeAsync();
        _services = BuildServices();
    }

    /// <summary>An environment (LIVE ones too: no node is needed for webhooks) with one BTC wallet.</summary>
    public async Task<(string EnvironmentId, string WalletId)> Environment(EnvironmentType type = EnvironmentType.Sandbox)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var environment = new PaymentsEnvironment { Id = Guid.NewGuid().ToString(), Name = "test", Type = type, CreatedAt = now, UpdatedAt = now };
        var wallet = new Wallet { Id = Guid.NewGuid().ToString(), EnvironmentId = environment.Id, Name = "BTC", AssetId = AssetCatalog.Btc.Id, CreatedAt = now, UpdatedAt = now };
        await Database.Write<PaymentsDbContext>(async db =>
        {
            db.Environments.Add(environment);
            db.Wallets.Add(wallet);
            await db.SaveChangesAsync();
        });
        return (environment.Id, wallet.Id);
    }

    public async Task<string> AddWallet(string environmentId)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var wallet = new Wallet { Id = Guid.NewGuid().ToString(), EnvironmentId = environmentId, Name = "BTC", AssetId = AssetCatalog.Btc.Id, CreatedAt = now, UpdatedAt = now };
        await Database.Write<PaymentsDbContext>(async db =>
        {
            db.Wallets.Add(wallet);
            await db.SaveChangesAsync();
        });
        return wallet.Id;
    }

    /// <summary>Writes a receive and one of its events through the outbox, in one unit as the payments core does.</summary>
    public async Task<string> Emit(string walletId, string eventType, string? webhookUrl = null, string? transactionId = null)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var outbox = _services.GetRequiredService<WebhookOutbox>();
        await Database.Write<PaymentsDbContext>(async db =>
        {
            var wallet = await db.Wallets.FirstAsync(w => w.Id == walletId);
            var tx = transactionId is null ? null : await db.Transactions.FirstOrDefaultAsync(t => t.Id == transactionId);
            if (tx is null)
            {
                tx = NewReceive(wallet, transactionId ?? Guid.NewGuid().ToString(), webhookUrl, now);
                db.Transactions.Add(tx);
            }
            tx.Status = StatusOf(eventType);
            await outbox.Add(db, tx, eventType, now);
            await db.SaveChangesAsync();
            transactionId = tx.Id;
        });
        return PaymentEventPayload.EventId(eventType, transactionId!);
    }

    public async Task<List<WebhookDelivery>> Deliveries(string? eventId = null)
    {
        await using var db = Database.Read<PaymentsDbContext>();
        return await db.WebhookDeliveries
            .Where(d => eventId == null || d.EventId == eventId)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.AttemptNumber)
            .ToListAsync();
    }

    public static Caller Key(string environmentId, PermissionLevel level = PermissionLevel.Write, string? walletId = null) =>
        new Caller.ServiceKey(Guid.NewGuid().ToString(), environmentId, walletId, [new Permission(PermissionResource.Webhooks, level)]);

    /// <summary>Waits (in real time, generously) for a condition that the worker makes true.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Gave up waiting until " + what);
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Lets the worker run and moves the clock through the backoff, whenever no attempt is in flight, until
    /// <paramref name="condition"/> holds.
    /// </summary>
    public async Task AdvanceUntil(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Gave up moving the clock until " + what);
            await Eventually(async () => (await Deliveries()).All(d => d.Status != DeliveryStatus.InProgress), "no delivery is in flight");
            if (await condition())
                return;
            Clock.Advance(RetryStep);
            await Task.Delay(50);
        }
    }

    private ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Database);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Options));
        services.AddSingleton<IHostAddressResolver>(Dns);
        services.AddSingleton(new EnvironmentNodes(Substitute.For<ILightningNode>()));
        services.AddSingleton<EnvironmentService>();
        services.AddSingleton<AssetCatalog>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookOutbox>();
        services.AddPaymentWebhooks();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private static PaymentTransaction NewReceive(Wallet wallet, string id, string? webhookUrl, DateTime now) => new()
    {
        Id = id, EnvironmentId = wallet.EnvironmentId, WalletId = wallet.Id, Direction = TransactionDirection.Receive,
        Status = TransactionStatus.Pending, Stage = TransactionStage.Open, AssetId = wallet.AssetId, Amount = 21_000, AmountMsat = 21_000,
        PaymentHash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), PaymentRequest = "lnbcrt210n1test", Description = "test",
        IdempotencyKey = Guid.NewGuid().ToString(), WebhookUrl = webhookUrl, ExpiresAt = now.AddHours(1), CreatedAt = now, UpdatedAt = now,
    };

    private static TransactionStatus StatusOf(string eventType) => eventType switch
    {
        PaymentEventTypes.Completed => TransactionStatus.Completed,
        PaymentEventTypes.Failed => TransactionStatus.Failed,
        PaymentEventTypes.Expired => TransactionStatus.Expired,
        _ => TransactionStatus.Pending,
    };

    public async ValueTask DisposeAsync()
    {
        await StopWorker();
        await _services.DisposeAsync();
        await Database.DisposeAsync();
        _file.Dispose();
    }
}
