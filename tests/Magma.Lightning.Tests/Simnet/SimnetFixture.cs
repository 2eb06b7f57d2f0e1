using Magma.Lightning.Simnet;
using Magma.Lightning.Storage;
using Magma.Testing;

namespace Magma.Lightning.Tests.Simnet;

/// <summary>A fresh Simnet on a temporary database, a hand-moved clock, and blocks mined only on demand.</summary>
public abstract class SimnetTestBase : IAsyncLifetime
{
    private readonly TemporaryDatabase _file = new();

    protected ManualTimeProvider Clock { get; } = new();

    protected SqliteDatabase Database { get; private set; } = null!;

    protected SimnetNetwork Network { get; private set; } = null!;

    protected SimnetNode House { get; private set; } = null!;

    protected SimnetOptions Options { get; } = new() { BlockInterval = TimeSpan.Zero, ExpirySweepInterval = TimeSpan.Zero };

    public virtual async Task InitializeAsync()
    {
        Database = new SqliteDatabase(new SqliteOptions { ConnectionString = _file.ConnectionString, Synchronous = "NORMAL" });
        Network = await StartNetwork();
        House = await Network.HouseNode();
    }

    /// <summary>Another SimnetNetwork over the same database: what a process restart looks like.</summary>
    protected async Task<SimnetNetwork> StartNetwork()
    {
        var network = new SimnetNetwork(Database, Options, Clock);
        await network.Initialize();
        return network;
    }

    protected async Task<SimnetNode> NewNode(string alias) => await Network.CreateNode(alias);

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        _file.Dispose();
    }

    protected static PayInvoiceParams PayParams(string paymentRequest, TimeSpan? timeout = null) =>
        new(paymentRequest, FeeLimitMsat: 100_000, timeout ?? TimeSpan.FromSeconds(5));
}
