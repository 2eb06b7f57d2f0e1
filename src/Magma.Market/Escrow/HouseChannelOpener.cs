using Magma.Lightning;
using Magma.Lightning.Crypto;
using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Magma.Market.Escrow;

/// <summary>
/// Opens the house seller's channels once the buyer's payment is held. An order is claimed before the node is
/// asked, so a node event and a sweep never open two channels; after a crash an unclaimed pending channel to the
/// same buyer and size is adopted instead of opening another. LSPS1 orders settle as soon as the funding
/// transaction is broadcast.
/// </summary>
public sealed class HouseChannelOpener(
    SqliteDatabase database,
    MarketPlatform platform,
    OrderTransitions transitions,
    EscrowService escrow,
    ChainProgress chain,
    TimeProvider time,
    ILogger<HouseChannelOpener> logger)
{
    /// <summary>How long an open attempt holds its order: no other attempt starts before it has run its course.</summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(2);

    public ILightningNode Node => platform.Node;

    public async Task TryOpen(string orderId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        DateTime? previousAttempt = null;
        Order order;
        try
        {
            order = await transitions.Change(orderId, (_, o) =>
            {
                if (!o.IsHouse || o.Status != OrderStatus.WaitingForChannelOpen || o.OpenAttemptedAt > now - ClaimLifetime)
                    throw new ClaimRefused();
                previousAttempt = o.OpenAttemptedAt;
                o.OpenAttemptedAt = now;
                return Task.CompletedTask;
            });
        }
        catch (ClaimRefused)
        {
            return;
        }

        var node = platform.Node;
        if (!PublicKey.TryParseHex(order.BuyerPubkey, out var buyer))
        {
            // An LSPS1 client may order without its node id; with no node to open to, the order fails and is refunded now.
            order = await transitions.Fire(order.Id, OrderTrigger.ChannelOpenTimeout, "No channel can be opened: the order names no valid buyer node.",
                o => o.FailureReason = "The order names no valid buyer node (public_key).");
            await escrow.Cancel(order, null, "the order names no valid buyer node", cancellationToken);
            return;
        }
        var point = previousAttempt is null ? null : await Adoptable(node, order, cancellationToken);
        string? failure = null;
        if (point is null)
        {
            await Connect(node, buyer, order.BuyerSocket, cancellationToken);
            var opened = await node.OpenChannel(new OpenChannelParams(buyer, order.SizeSat + order.PushSat, order.PushSat, order.IsPrivate,
                TargetConf: order.FundingTargetBlocks ?? 6), cancellationToken);
            point = opened.FundingOutpoint;
            failure = opened.Outcome == OpenChannelOutcome.Pending ? null : $"{opened.Outcome}: {opened.Error}";
        }
        if (point is null)
        {
            logger.LogInformation("Opening the channel of order {OrderId} failed ({Failure}); retrying until the deadline", order.Id, failure);
            await transitions.Change(order.Id, (db, o) => transitions.Record(db, o, o.Status, "channel.open_failed", $"Opening the channel failed; retrying: {failure}"));
            return;
        }

        order = await transitions.Fire(order.Id, OrderTrigger.FundingBroadcast, "The house seller broadcast the funding transaction.",
            o => o.ChannelPoint = point.Value.ToString(), new { channel_point = point.Value.ToString() });
        if (order.SettleAtBroadcast)
            await escrow.Release(order, cancellationToken);
        await chain.Advance(order.Id);
    }

    private static async Task Connect(ILightningNode node, PublicKey buyer, string? socket, CancellationToken cancellationToken)
    {
        if (await node.IsPeerConnected(buyer, cancellationToken))
            return;
        var sockets = new List<string>();
        if (socket is not null)
            sockets.Add(socket);
        if (await node.GetNodeInfo(buyer, cancellationToken) is { } known)
            sockets.AddRange(known.Sockets);
        foreach (var candidate in sockets.Distinct())
        {
            var colon = candidate.LastIndexOf(':');
            if (colon > 0 && int.TryParse(candidate[(colon + 1)..], out var port)
                && await node.ConnectPeer(new NodeUri(buyer, candidate[..colon], port), cancellationToken) is ConnectPeerResult.Connected or ConnectPeerResult.AlreadyConnected)
                return;
        }
    }

    /// <summary>A pending or open channel to this buyer with this capacity that no order claims: ours from an interrupted attempt.</summary>
    private async Task<OutPoint?> Adoptable(ILightningNode node, Order order, CancellationToken cancellationToken)
    {
        var capacity = order.SizeSat + order.PushSat;
        var candidates = (await node.ListPendingChannels(cancellationToken))
            .Where(c => c.RemotePubkey.ToHex() == order.BuyerPubkey && c.CapacitySat == capacity && c.Initiator).Select(c => c.ChannelPoint)
            .Concat((await node.ListChannels(cancellationToken)).Where(c => c.RemotePubkey.ToHex() == order.BuyerPubkey && c.CapacitySat == capacity && c.Initiator).Select(c => c.ChannelPoint))
            .Select(p => p.ToString())
            .ToList();
        if (candidates.Count == 0)
            return null;
        await using var db = database.Read<MarketDbContext>();
        var claimed = await db.Orders.Where(o => o.ChannelPoint != null && candidates.Contains(o.ChannelPoint)).Select(o => o.ChannelPoint).ToListAsync(cancellationToken);
        var free = candidates.FirstOrDefault(c => !claimed.Contains(c));
        return free is not null && OutPoint.TryParse(free, out var point) ? point : null;
    }

    private sealed class ClaimRefused : Exception;
}
