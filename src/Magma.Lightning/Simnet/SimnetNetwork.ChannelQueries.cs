using Magma.Lightning.Crypto;
using Magma.Lightning.Simnet.Data;
using Microsoft.EntityFrameworkCore;

namespace Magma.Lightning.Simnet;

public sealed partial class SimnetNetwork
{
    internal async Task<IReadOnlyList<SimChannel>> ChannelsOf(string node, params SimChannelState[] states)
    {
        // A List, not the array: C# 14 binds array.Contains in expression trees to a span overload EF Core 6 cannot run.
        var wanted = states.ToList();
        await using var db = Read();
        return await db.Channels.Where(c => (c.OpenerPubkey == node || c.PeerPubkey == node) && wanted.Contains(c.State)).ToListAsync();
    }

    internal async Task<IReadOnlyList<LightningChannel>> ListChannels(string node) =>
        (await ChannelsOf(node, SimChannelState.Open, SimChannelState.PendingClose))
        .Select(c => new LightningChannel(
            (ulong)c.ChannelId!.Value, Point(c), PublicKey.ParseHex(c.RemoteOf(node)), c.CapacitySat,
            c.LocalBalanceMsat(node) / 1000, c.LocalBalanceMsat(c.RemoteOf(node)) / 1000,
            Active: c.State == SimChannelState.Open, c.Private, Initiator: c.OpenerPubkey == node, c.PushSat))
        .ToList();

    internal async Task<IReadOnlyList<PendingChannel>> ListPendingChannels(string node)
    {
        var channels = await ChannelsOf(node, SimChannelState.PendingOpen);
        await using var db = Read();
        var tip = await SimnetChain.TipHeight(db);
        var pending = new List<PendingChannel>();
        foreach (var c in channels)
        {
            var fundingHeight = await db.Transactions.Where(t => t.Txid == c.FundingTxid).Select(t => t.BlockHeight).FirstOrDefaultAsync();
            var confirmations = SimnetChain.Confirmations(fundingHeight, tip) ?? 0;
            pending.Add(new PendingChannel(Point(c), PublicKey.ParseHex(c.RemoteOf(node)), c.CapacitySat,
                c.LocalBalanceMsat(node) / 1000, c.LocalBalanceMsat(c.RemoteOf(node)) / 1000, c.Private,
                c.OpenerPubkey == node, Math.Max(0, _options.ChannelConfirmations - confirmations)));
        }
        return pending;
    }

    internal async Task<IReadOnlyList<ClosedChannel>> ListClosedChannels(string node) =>
        (await ChannelsOf(node, SimChannelState.Closed))
        .Select(c => new ClosedChannel((ulong)(c.ChannelId ?? 0), Point(c), PublicKey.ParseHex(c.RemoteOf(node)), c.CapacitySat,
            c.CloseHeight ?? 0, c.ClosingTxid ?? "", c.CloseType ?? ChannelCloseType.Cooperative))
        .ToList();

    /// <summary>The gossip graph's view: only channels that are open (or closing but not yet closed on chain).</summary>
    internal async Task<ChannelEdge?> FindEdge(Func<IQueryable<SimChannel>, IQueryable<SimChannel>> filter)
    {
        await using var db = Read();
        var channel = await filter(db.Channels.Where(c => c.State == SimChannelState.Open || c.State == SimChannelState.PendingClose)).FirstOrDefaultAsync();
        if (channel is null)
            return null;
        var opener = PublicKey.ParseHex(channel.OpenerPubkey);
        var peer = PublicKey.ParseHex(channel.PeerPubkey);
        var openerPolicy = new RoutingPolicy(channel.OpenerBaseFeeMsat, channel.OpenerFeeRatePpm, _options.TimeLockDelta, 1000, channel.CapacitySat * 1000, false);
        var peerPolicy = new RoutingPolicy(channel.PeerBaseFeeMsat, channel.PeerFeeRatePpm, _options.TimeLockDelta, 1000, channel.CapacitySat * 1000, false);
        // LND orders the two ends of an edge by their serialized keys.
        var openerFirst = string.CompareOrdinal(channel.OpenerPubkey, channel.PeerPubkey) < 0;
        return new ChannelEdge((ulong)channel.ChannelId!.Value, Point(channel),
            openerFirst ? opener : peer, openerFirst ? peer : opener, channel.CapacitySat, !channel.Private,
            openerFirst ? openerPolicy : peerPolicy, openerFirst ? peerPolicy : openerPolicy);
    }

    internal async Task<GraphNode?> GetGraphNode(string pubkey)
    {
        await using var db = Read();
        var node = await db.Nodes.FirstOrDefaultAsync(n => n.Pubkey == pubkey);
        if (node is null)
            return null;
        var channels = await db.Channels
            .Where(c => (c.OpenerPubkey == pubkey || c.PeerPubkey == pubkey) && !c.Private && (c.State == SimChannelState.Open || c.State == SimChannelState.PendingClose))
            .ToListAsync();
        return new GraphNode(PublicKey.ParseHex(pubkey), node.Alias, channels.Sum(c => c.CapacitySat), channels.Count, [$"{node.Host}:{node.Port}"],
            channels.Select(c => PublicKey.ParseHex(c.RemoteOf(pubkey))).ToList());
    }

    private static OutPoint Point(SimChannel channel) =>
        OutPoint.TryParse(channel.ChannelPoint, out var point) ? point.Value : throw new InvalidOperationException("Corrupt channel point " + channel.ChannelPoint);
}
