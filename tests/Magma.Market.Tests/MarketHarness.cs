using Magma.Lightning;
using Magma.Lightning.Simnet;
using Magma.Lightning.Storage;
using Magma.Market.Accounts;
using Magma.Market.Data;
using Magma.Market.Escrow;
using Magma.Market.Jobs;
using Magma.Market.Offers;
using Magma.Market.Orders;
using Magma.Payments;
using Magma.Payments.Environments;
using Magma.Payments.Jobs;
using Magma.Testing;
using Magma.Testing.Lightning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Magma.Market.Tests;

/// <summary>
/// The marketplace over a real Simnet on a temporary database: a hand-moved clock, blocks mined on demand, and
/// the node-event listeners running as in the host. <see cref="Restart"/> rebuilds everything over the same file.
/// The engine reaches its node through <see cref="EngineNode"/>, where a test can interleave steps or fail a call.
/// </summary>
public partial class MarketHarness : IAsyncLifetime
{
    private readonly TemporaryDatabase _file = new();
    private ServiceProvider _services = null!;
    private List<IHostedService> _listeners = [];

    public ManualTimeProvider Clock { get; } = new();
    public SqliteDatabase Database { get; private set; } = null!;
    public SimnetNetwork Simnet { get; private set; } = null!;
    public SimnetNode House { get; private set; } = null!;
    public ObservedNode EngineNode { get; private set; } = null!;

    protected virtual Dictionary<string, string?> Settings => new()
    {
        ["Market:HouseSeller:FeeRatePpm"] = "5000",
        ["Market:HouseSeller:BaseFeeSat"] = "1000",
        ["Market:HouseSeller:MinBlockLength"] = "20",
        ["Market:Timeouts:ChannelOpen"] = "01:00:00",
        ["Market:HoldInvoiceCltvExpiry"] = "100",
        ["Market:HtlcSafetyBlocks"] = "10",
    };

    public async Task InitializeAsync() => await Start();

    private async Task Start()
    {
        (Database, Simnet) = await OpenSimnet();
        House = await Simnet.HouseNode();
        await Database.Migrate(typeof(PaymentsServices).Assembly, "Magma.Payments");

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton(Database)
            .AddSingleton(Simnet)
            .AddSingleton(new EnvironmentNodes(ObservedNode.Wrap(House, out var observed)));
        EngineNode = observed;
        services.AddMagmaPayments(configuration);
        services.AddMagmaMarket(configuration);
        _services = services.BuildServiceProvider();
        await Get<EnvironmentService>().EnsureDefaultSandbox(0);
        await _services.InitializeMarket();
        _listeners = _services.GetServices<IHostedService>().Where(s => s is MarketEventListener or InvoiceEventListener).ToList();
        foreach (var listener in _listeners)
            await listener.StartAsync(CancellationToken.None);
        // The market follows invoices and blocks, the payments core invoices: three streams, all live before a test acts.
        await Eventually(() => Task.FromResult(EngineNode.Subscriptions >= 3));
    }

    private async Task<(SqliteDatabase, SimnetNetwork)> OpenSimnet()
    {
        var database = new SqliteDatabase(new SqliteOptions { ConnectionString = _file.ConnectionString, Synchronous = "NORMAL" });
        var simnet = new SimnetNetwork(database, new SimnetOptions { BlockInterval = TimeSpan.Zero, ExpirySweepInterval = TimeSpan.Zero }, Clock);
        await simnet.Initialize();
        return (database, simnet);
    }

    /// <summary>
    /// A process restart: every service and the database handle are rebuilt over the same file. The outside world
    /// (the network, the buyer's wallet) may act while the engine is down: <paramref name="whileDown"/> runs on a
    /// Simnet with no engine attached, so nothing hears its events.
    /// </summary>
    public async Task Restart(Func<SimnetNetwork, Task>? whileDown = null)
    {
        await Stop();
        if (whileDown is not null)
        {
            var (database, simnet) = await OpenSimnet();
            await whileDown(simnet);
            await database.DisposeAsync();
        }
        await Start();
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async Task<Order> Order(string id)
    {
        await using var db = Database.Read<MarketDbContext>();
        return await db.Orders.FirstAsync(o => o.Id == id);
    }

    /// <summary>Polls until an order reaches a status; events are handled in the background.</summary>
    public async Task<Order> WaitFor(string orderId, OrderStatus status, int timeoutMs = 15_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            var order = await Order(orderId);
            if (order.Status == status)
                return order;
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException($"Order {orderId} is {order.Status}, not {status}.");
            await Task.Delay(20);
        }
    }

    public async Task Eventually(Func<Task<bool>> condition, int timeoutMs = 15_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!await condition())
        {
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(20);
        }
    }

    /// <summary>Runs every market sweep once, as the Quartz jobs would.</summary>
    public async Task Sweep()
    {
        await Get<DeadlineEnforcer>().Sweep();
        await Get<ChainProgress>().Sweep();
        await Get<EscrowSweep>().Sweep();
    }

    public async Task<SimnetNode> BuyerNode(string alias = "buyer") => await Simnet.CreateNode(alias);

    public static string Uri(SimnetNode node) => $"{node.Pubkey.ToHex()}@127.0.0.1:9735";

    /// <summary>A seller account that proved control of a fresh Simnet node, with an offer on the book (a 20-block lock keeps monitoring short).</summary>
    public async Task<(SimnetNode Node, MarketCaller Caller, Offer Offer)> Seller(long feeRatePpm = 1_000, long baseFeeSat = 100, string alias = "seller",
        IReadOnlyList<OfferCondition>? conditions = null, string totalSize = "10000000", string maxSize = "5000000", int minBlockLength = 20)
    {
        var node = await Simnet.CreateNode(alias);
        var login = Get<NodeLogin>();
        var challenge = await login.CreateChallenge(node.Pubkey.ToHex());
        var (account, _) = await login.Login(node.Pubkey.ToHex(), await node.SignMessage(challenge.Message));
        var caller = new MarketCaller.Account(account.Id, AccountKeyKind.Api);
        var offer = await Get<OfferService>().Create(caller, new OfferInput(node.Pubkey.ToHex(), totalSize, "100000", maxSize, minBlockLength,
            feeRatePpm, baseFeeSat, 1000, 10, OnchainPriority.Medium, 1, conditions ?? []));
        return (node, caller, offer);
    }

    private async Task Stop()
    {
        foreach (var listener in _listeners)
            await listener.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }

    public async Task DisposeAsync()
    {
        await Stop();
        _file.Dispose();
    }
}
