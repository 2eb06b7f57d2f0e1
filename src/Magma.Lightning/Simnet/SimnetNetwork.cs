using System.Collections.Concurrent;
using Magma.Lightning.Bitcoin;
using Magma.Lightning.Crypto;
using Magma.Lightning.Simnet.Data;
using Magma.Lightning.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Magma.Lightning.Simnet;

/// <summary>
/// The simulated Lightning network and chain: nodes with real keys, really signed invoices, payments
/// routed over channels, and a chain whose blocks confirm funding transactions. All state lives in
/// SQLite and every change is one unit of work on the shared writer, so Simnet stays consistent and a
/// restart resumes where it stopped. Each node is reached through <see cref="SimnetNode"/>, an
/// <see cref="ILightningNode"/>; this class is also the sandbox's control surface (mine, pay from outside).
/// </summary>
public sealed partial class SimnetNetwork
{
    private readonly SqliteDatabase _database;
    private readonly SimnetOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, PrivateKey> _keys = new();

    public SimnetNetwork(SqliteDatabase database, SimnetOptions options, TimeProvider time, ILogger<SimnetNetwork>? logger = null)
    {
        _database = database;
        _options = options;
        _time = time;
        _logger = logger ?? NullLogger<SimnetNetwork>.Instance;
    }

    /// <summary>Simnet runs as regtest: invoices are <c>lnbcrt</c>, addresses <c>bcrt1</c>.</summary>
    public BitcoinNetwork Network => BitcoinNetwork.Regtest;

    internal SimnetEvents Events { get; } = new();

    internal SimnetOptions Options => _options;

    internal TimeProvider Time => _time;

    /// <summary>Applies Simnet's schema, creates the genesis block and the house node if this is a new database.</summary>
    public async Task Initialize()
    {
        await _database.Migrate(typeof(SimnetNetwork).Assembly, "Magma.Lightning.Simnet");
        await Write(async db =>
        {
            if (!await db.Blocks.AnyAsync())
                db.Blocks.Add(new SimBlock { Height = 0, Hash = SimnetChain.BlockHash("genesis", 0), Time = Now });
            await db.SaveChangesAsync();
            if (!await db.Nodes.AnyAsync())
                await AddNode(db, _options.HouseAlias);
            return true;
        });
    }

    public SimnetNode Node(PublicKey pubkey) => new(this, pubkey);

    public async Task<SimnetNode> HouseNode()
    {
        await using var db = Read();
        var house = await db.Nodes.OrderBy(n => n.Sequence).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException("Simnet is not initialised.");
        return Node(PublicKey.ParseHex(house.Pubkey));
    }

    public async Task<bool> NodeExists(PublicKey pubkey)
    {
        await using var db = Read();
        return await db.Nodes.AnyAsync(n => n.Pubkey == pubkey.ToHex());
    }

    /// <summary>All nodes, the house node first.</summary>
    public async Task<IReadOnlyList<SimnetNodeSummary>> ListNodes()
    {
        await using var db = Read();
        var nodes = await db.Nodes.OrderBy(n => n.Sequence).ToListAsync();
        return nodes.Select(n => new SimnetNodeSummary(n.Pubkey, n.Alias, n.Host, n.Port)).ToList();
    }

    public async Task<SimnetNode> CreateNode(string alias)
    {
        var pubkey = await Write(db => AddNode(db, alias));
        return Node(PublicKey.ParseHex(pubkey));
    }

    private async Task<string> AddNode(SimnetDbContext db, string alias)
    {
        var key = PrivateKey.Generate();
        var sequence = (await db.Nodes.MaxAsync(n => (long?)n.Sequence) ?? 0) + 1;
        var pubkey = key.PublicKey.ToHex();
        db.Nodes.Add(new SimNode
        {
            Pubkey = pubkey, PrivateKey = key.ToHex(), Alias = alias, Host = "127.0.0.1",
            Port = 9735 + (int)sequence, Sequence = sequence, CreatedAt = Now,
        });
        await db.SaveChangesAsync();
        await SimnetChain.FundNewWallet(db, pubkey, _options.InitialNodeBalanceSat, Network, Now);
        _keys[pubkey] = key;
        _logger.LogInformation("Simnet node {Alias} created: {Pubkey}", alias, pubkey);
        return pubkey;
    }

    internal async Task<PrivateKey> KeyOf(string pubkey)
    {
        if (_keys.TryGetValue(pubkey, out var key))
            return key;
        await using var db = Read();
        var node = await db.Nodes.FirstOrDefaultAsync(n => n.Pubkey == pubkey)
            ?? throw new InvalidOperationException($"Simnet has no node {pubkey}.");
        return _keys[pubkey] = PrivateKey.ParseHex(node.PrivateKey);
    }

    internal DateTime Now => _time.GetUtcNow().UtcDateTime;

    internal SimnetDbContext Read() => _database.Read<SimnetDbContext>();

    internal Task<T> Write<T>(Func<SimnetDbContext, Task<T>> work) => _database.Write(work);
}

public sealed record SimnetNodeSummary(string Pubkey, string Alias, string Host, int Port);
