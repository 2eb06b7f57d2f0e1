using Magma.Lightning.Simnet.Data;
using Microsoft.EntityFrameworkCore;

namespace Magma.Lightning.Simnet;

public sealed partial class SimnetNetwork
{
    /// <summary>
    /// Mines blocks: the first takes the whole mempool. After each block, funding transactions with enough
    /// confirmations open their channels, confirmed closing transactions close theirs, and held HTLCs whose
    /// expiry height is reached are failed back, as a node must do before the timeout lets the payer claim.
    /// </summary>
    public async Task<int> Mine(int blocks = 1)
    {
        if (blocks is < 1 or > 1000)
            throw new ArgumentOutOfRangeException(nameof(blocks), "Mine between 1 and 1000 blocks at a time.");
        var changes = new SimnetChanges();
        var height = await Write(async db =>
        {
            var tip = await db.Blocks.OrderByDescending(b => b.Height).FirstAsync();
            for (var i = 0; i < blocks; i++)
            {
                var block = new SimBlock { Height = tip.Height + 1, Hash = SimnetChain.BlockHash(tip.Hash, tip.Height + 1), Time = Now };
                db.Blocks.Add(block);
                await ConfirmMempool(db, block.Height);
                await db.SaveChangesAsync();
                await OpenConfirmedChannels(db, block.Height, changes);
                await CloseConfirmedChannels(db, block.Height, changes);
                await ExpireHeldHtlcs(db, block.Height, changes);
                await db.SaveChangesAsync();
                changes.Blocks.Add(new BlockEpoch(block.Height, block.Hash));
                tip = block;
            }
            return tip.Height;
        });
        Publish(changes);
        return height;
    }

    public async Task<int> Height()
    {
        await using var db = Read();
        return await SimnetChain.TipHeight(db);
    }

    private static async Task ConfirmMempool(SimnetDbContext db, int height)
    {
        var mempool = await db.Transactions.Where(t => t.BlockHeight == null).OrderBy(t => t.CreatedAt).ToListAsync();
        for (var i = 0; i < mempool.Count; i++)
        {
            mempool[i].BlockHeight = height;
            // Index 0 of a real block is its coinbase.
            mempool[i].BlockIndex = i + 1;
        }
    }

    private async Task OpenConfirmedChannels(SimnetDbContext db, int height, SimnetChanges changes)
    {
        var deepEnough = height - _options.ChannelConfirmations + 1;
        var ready = await db.Channels
            .Where(c => c.State == SimChannelState.PendingOpen)
            .Join(db.Transactions.Where(t => t.BlockHeight != null && t.BlockHeight <= deepEnough), c => c.FundingTxid, t => t.Txid, (c, t) => new { Channel = c, t.BlockHeight, t.BlockIndex })
            .ToListAsync();
        foreach (var item in ready)
        {
            var point = Point(item.Channel);
            item.Channel.State = SimChannelState.Open;
            item.Channel.OpenHeight = height;
            item.Channel.ChannelId = SimnetChain.ShortChannelId(item.BlockHeight!.Value, item.BlockIndex ?? 0, point.Vout);
            AddChannelEvent(changes, ChannelEventType.Open, point, item.Channel.OpenerPubkey, item.Channel.PeerPubkey);
        }
    }

    private static async Task CloseConfirmedChannels(SimnetDbContext db, int height, SimnetChanges changes)
    {
        var closing = await db.Channels
            .Where(c => c.State == SimChannelState.PendingClose)
            .Join(db.Transactions.Where(t => t.BlockHeight != null), c => c.ClosingTxid, t => t.Txid, (c, _) => c)
            .ToListAsync();
        foreach (var channel in closing)
        {
            channel.State = SimChannelState.Closed;
            channel.CloseHeight = height;
            AddChannelEvent(changes, ChannelEventType.Closed, Point(channel), channel.OpenerPubkey, channel.PeerPubkey);
        }
    }

    private async Task ExpireHeldHtlcs(SimnetDbContext db, int height, SimnetChanges changes)
    {
        var expiring = await HeldHtlcsExpiringBy(db, height).ToListAsync();
        foreach (var invoice in expiring)
        {
            MarkCanceled(invoice, changes);
            await ResolveIncomingPayments(db, invoice, changes);
        }
    }

    internal static IQueryable<SimInvoice> HeldHtlcsExpiringBy(SimnetDbContext db, int height) =>
        db.Invoices.Where(i => i.State == InvoiceState.Accepted && i.HtlcExpiryHeight <= height);
}
