using Magma.Lightning;
using Magma.Lightning.Simnet;
using Magma.Lightning.Storage;
using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Jobs;
using Magma.Payments.Transactions;
using Magma.Payments.Wallets;
using Magma.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Magma.Payments.Tests;

/// <summary>
/// The payments core over a real Simnet on a temporary database, with a hand-moved clock. A second Simnet node
/// stands in for the node a LIVE environment would need, so LIVE rules can be exercised.
/// </summary>
public class PaymentsHarness : IAsyncLifetime
{
    private readonly TemporaryDatabase _file = new();
    private ServiceProvider _services = null!;
    private InvoiceEventListener? _listener;

    public ManualTimeProvider Clock { get; } = new();
    public SqliteDatabase Database { get; private set; } = null!;
    public SimnetNetwork Simnet { get; private set; } = null!;
    public SimnetNode House { get; private set; } = null!;
    public SimnetNode LiveNode { get; private set; } = null!;
    public PaymentsEnvironment Sandbox { get; private set; } = null!;
    public Wallet SandboxWallet { get; private set; } = null!;

    protected virtual Dictionary<string, string?> Settings => new()
    {
        ["Payments:Sandbox:BehaviorDelay"] = "00:00:02",
        ["Payments:Sandbox:InitialWalletBalanceMsat"] = "1000000000",
        ["Payments:SendWait"] = "00:00:05",
        ["Payments:LightningAddress:AllowHttpLoopback"] = "true",
    };

    public async Task InitializeAsync()
    {
        Database = new SqliteDatabase(new SqliteOptions { ConnectionString = _file.ConnectionString, Synchronous = "NORMAL" });
        Simnet = new SimnetNetwork(Database, new SimnetOptions { BlockInterval = TimeSpan.Zero, ExpirySweepInterval = TimeSpan.Zero }, Clock);
        await Simnet.Initialize();
        House = await Simnet.HouseNode();
        LiveNode = await Simnet.CreateNode("live-node");
        await Database.Migrate(typeof(PaymentsServices).Assembly, "Magma.Payments");

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton(Database)
            .AddSingleton(Simnet)
            .AddSingleton(new EnvironmentNodes(SandboxNode(House), LiveNode));
        services.AddMagmaPayments(configuration);
        ConfigureServices(services);
        _services = services.BuildServiceProvider();

        Sandbox = await Get<EnvironmentService>().EnsureDefaultSandbox(1_000_000_000);
        SandboxWallet = (await Get<WalletService>().List(Caller.AdminCaller, Sandbox.Id)).Single();
    }

    /// <summary>Lets a test replace a service after the payments core registered its own.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>The node SANDBOX environments run on; tests may wrap the house node to stage node behaviour.</summary>
    protected virtual ILightningNode SandboxNode(SimnetNode house) => house;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public Caller Admin => Caller.AdminCaller;

    /// <summary>Starts following the node's invoice stream, as the host does.</summary>
    public async Task StartListening()
    {
        _listener = _services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<InvoiceEventListener>().Single();
        await _listener.StartAsync(CancellationToken.None);
    }

    public async Task<PaymentTransaction> Reload(string id)
    {
        await using var db = Database.Read<PaymentsDbContext>();
        return await db.Transactions.FirstAsync(t => t.Id == id);
    }

    /// <summary>Polls until a condition holds; for effects of background event handling.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!await condition())
        {
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(20);
        }
    }

    public async Task<Wallet> NewWallet(PaymentsEnvironment environment, string assetId = Assets.Asset.BtcId, long depositMsat = 0)
    {
        var wallet = (await Get<WalletService>().Create(Admin, environment.Id, "wallet " + Guid.NewGuid().ToString("N")[..6], assetId)).Wallet;
        if (depositMsat > 0)
            await Database.Write<PaymentsDbContext>(async db =>
            {
                db.LedgerEntries.Add(new LedgerEntry { WalletId = wallet.Id, Kind = LedgerEntryKind.Deposit, Amount = depositMsat, CreatedAt = Clock.GetUtcNow().UtcDateTime });
                await db.SaveChangesAsync();
            });
        return wallet;
    }

    public async Task DisposeAsync()
    {
        if (_listener is not null)
            await _listener.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        await Database.DisposeAsync();
        _file.Dispose();
    }
}
