using Magma.Lightning.Crypto;
using Magma.Lightning.Simnet.Data;
using Microsoft.EntityFrameworkCore;

namespace Magma.Lightning.Simnet;

public sealed partial class SimnetNetwork
{
    /// <summary>Simnet nodes are always online, so any of them can be connected to; other keys cannot.</summary>
    internal async Task<ConnectPeerResult> ConnectPeer(string node, string peer) =>
        await Write(async db =>
        {
            if (node == peer)
                return ConnectPeerResult.Self;
            if (!await db.Nodes.AnyAsync(n => n.Pubkey == peer))
                return ConnectPeerResult.Unreachable;
            if (await db.Peers.AnyAsync(p => p.NodePubkey == node && p.PeerPubkey == peer))
                return ConnectPeerResult.AlreadyConnected;
            db.Peers.Add(new SimPeer { NodePubkey = node, PeerPubkey = peer, ConnectedAt = Now });
            if (!await db.Peers.AnyAsync(p => p.NodePubkey == peer && p.PeerPubkey == node))
                db.Peers.Add(new SimPeer { NodePubkey = peer, PeerPubkey = node, ConnectedAt = Now });
            await db.SaveChangesAsync();
            return ConnectPeerResult.Connected;
        });

    internal async Task<bool> IsPeerConnected(string node, string peer)
    {
        await using var db = Read();
        return await db.Peers.AnyAsync(p => p.NodePubkey == node && p.PeerPubkey == peer);
    }

    internal async Task<OpenChannelResult> OpenChannel(string node, OpenChannelParams request)
    {
        var peer = request.Peer.ToHex();
        if (request.LocalFundingSat < _options.MinChannelSizeSat)
            return new(OpenChannelOutcome.Rejected, null, $"channel is too small, the minimum channel size is: {_options.MinChannelSizeSat} SAT");
        if (request.LocalFundingSat > _options.MaxChannelSizeSat)
            return new(OpenChannelOutcome.Rejected, null, $"funding amount is too large, the max channel size is: {_options.MaxChannelSizeSat} SAT");
        if (request.PushSat < 0 || request.PushSat >= request.LocalFundingSat)
            return new(OpenChannelOutcome.Rejected, null, "amount pushed to remote peer for initial state must be below the local funding amount");
        var feeRate = request.SatPerVbyte ?? SimnetChain.FeeRateFor(request.TargetConf ?? 6);

        var changes = new SimnetChanges();
        var result = await Write(async db =>
        {
            if (!await db.Peers.AnyAsync(p => p.NodePubkey == node && p.PeerPubkey == peer))
                return new OpenChannelResult(OpenChannelOutcome.PeerNotConnected, null, $"peer {peer} is not online");
            var coins = await SimnetChain.SelectCoins(db, node, request.LocalFundingSat, feeRate, outputs: 2);
            if (coins is null)
                return new OpenChannelResult(OpenChannelOutcome.CannotAffordFunding, null, "not enough witness outputs to create funding transaction");
            var funding = SimnetChain.Spend(db, SimTransactionKind.Funding, node, coins.Value.Inputs, coins.Value.FeeSat,
                [(SimnetChain.FundingAddress(Network), request.LocalFundingSat, null)], Network, Now);
            var point = new OutPoint(funding.Txid, 0);
            db.Channels.Add(new SimChannel
            {
                ChannelPoint = point.ToString(), OpenerPubkey = node, PeerPubkey = peer, CapacitySat = request.LocalFundingSat,
                PushSat = request.PushSat, OpenerBalanceMsat = (request.LocalFundingSat - request.PushSat) * 1000,
                PeerBalanceMsat = request.PushSat * 1000, Private = request.Private, State = SimChannelState.PendingOpen,
                FundingTxid = funding.Txid, CreatedAt = Now,
                OpenerBaseFeeMsat = _options.DefaultBaseFeeMsat, OpenerFeeRatePpm = _options.DefaultFeeRatePpm,
                PeerBaseFeeMsat = _options.DefaultBaseFeeMsat, PeerFeeRatePpm = _options.DefaultFeeRatePpm,
            });
            await db.SaveChangesAsync();
            AddChannelEvent(changes, ChannelEventType.PendingOpen, point, node, peer);
            return new OpenChannelResult(OpenChannelOutcome.Pending, point);
        });
        Publish(changes);
        return result;
    }

    /// <summary>Sandbox control: a cooperative or force close. The channel closes once the closing transaction confirms.</summary>
    public async Task<bool> CloseChannel(OutPoint channelPoint, bool force = false) =>
        await Write(async db =>
        {
            var channel = await db.Channels.FirstOrDefaultAsync(c => c.ChannelPoint == channelPoint.ToString());
            if (channel is not { State: SimChannelState.Open })
                return false;
            var tx = new SimTransaction { Txid = SimnetChain.NewTxid(), Kind = SimTransactionKind.Close, FeeSat = 0, CreatedAt = Now };
            db.Transactions.Add(tx);
            var vout = 0;
            foreach (var (owner, balanceMsat) in new[] { (channel.OpenerPubkey, channel.OpenerBalanceMsat), (channel.PeerPubkey, channel.PeerBalanceMsat) })
            {
                if (balanceMsat >= 1000)
                    db.Outputs.Add(new SimOutput { Txid = tx.Txid, Vout = vout++, Address = SimnetChain.NewAddress(db, owner, Network, Now), AmountSat = balanceMsat / 1000, OwnerPubkey = owner });
            }
            channel.State = SimChannelState.PendingClose;
            channel.ClosingTxid = tx.Txid;
            channel.CloseType = force ? ChannelCloseType.LocalForce : ChannelCloseType.Cooperative;
            await db.SaveChangesAsync();
            return true;
        });

    /// <summary>Sandbox control: a node changes the routing fees it charges on one of its channels.</summary>
    public async Task<bool> UpdateChannelPolicy(PublicKey node, OutPoint channelPoint, long baseFeeMsat, long feeRatePpm) =>
        await Write(async db =>
        {
            var channel = await db.Channels.FirstOrDefaultAsync(c => c.ChannelPoint == channelPoint.ToString());
            var pubkey = node.ToHex();
            if (channel is null || !channel.Involves(pubkey))
                return false;
            if (channel.OpenerPubkey == pubkey)
                (channel.OpenerBaseFeeMsat, channel.OpenerFeeRatePpm) = (baseFeeMsat, feeRatePpm);
            else
                (channel.PeerBaseFeeMsat, channel.PeerFeeRatePpm) = (baseFeeMsat, feeRatePpm);
            await db.SaveChangesAsync();
            return true;
        });

    private static void AddChannelEvent(SimnetChanges changes, ChannelEventType type, OutPoint point, string a, string b)
    {
        changes.Channels.Add(new SimChannelUpdated(a, new ChannelEvent(type, point, PublicKey.ParseHex(b))));
        changes.Channels.Add(new SimChannelUpdated(b, new ChannelEvent(type, point, PublicKey.ParseHex(a))));
    }
}
