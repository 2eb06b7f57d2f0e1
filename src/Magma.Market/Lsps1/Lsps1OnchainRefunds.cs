using Magma.Lightning;
using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Escrow;
using Magma.Market.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Magma.Market.Lsps1;

/// <summary>
/// Sends owed on-chain sats back to the client's refund address: the owed amount minus a fair fee (the node's fee
/// estimate for <see cref="Lsps1Options.RefundTargetBlocks"/> times the size of a one-input, two-output SegWit
/// transaction), as bLIP-51 asks. A refund is claimed before the wallet is asked; a claim left behind by a crash
/// is matched against the wallet's transactions before anything is sent again.
/// </summary>
public sealed class Lsps1OnchainRefunds(
    SqliteDatabase database,
    MarketPlatform platform,
    OrderTransitions transitions,
    TimeProvider time,
    IOptions<Lsps1Options> options,
    ILogger<Lsps1OnchainRefunds> logger)
{
    /// <summary>vbytes of 1 P2WPKH input, a P2TR refund output and a P2WPKH change output, with the overhead.</summary>
    public const long RefundVbytes = 11 + 68 + 43 + 31;

    /// <summary>Below this the refund output would be dust for any output type.</summary>
    public const long DustSat = 546;

    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(2);

    public async Task Refund(string orderId, CancellationToken cancellationToken)
    {
        var feeRate = Math.Max(1, await platform.Node.EstimateFeeRate(options.Value.RefundTargetBlocks, cancellationToken));
        var fee = feeRate * RefundVbytes;
        var now = time.GetUtcNow().UtcDateTime;
        (long Net, string Address)? claim = null;
        await transitions.Change(orderId, async (db, order) =>
        {
            var row = await db.Lsps1Orders.FirstAsync(l => l.OrderId == orderId);
            if (row.OnchainRefundPendingSat is not null || row.OnchainOwedSat <= 0 || row.RefundOnchainAddress is not { } address)
                return;
            var owed = row.OnchainOwedSat;
            if (owed - fee < DustSat)
            {
                (row.OnchainRefundedSat, row.OnchainRefundedAt) = (row.OnchainRefundedSat + owed, now);
                await transitions.Record(db, order, order.Status, "onchain.refund_skipped", $"{owed} sats owed on-chain do not cover a refund's fee of {fee} sats; nothing was sent.");
                return;
            }
            (row.OnchainRefundPendingSat, row.OnchainRefundPendingNetSat, row.OnchainRefundClaimedAt) = (owed, owed - fee, now);
            claim = (owed - fee, address);
        });
        if (claim is not { } refund)
            return;
        var sent = await platform.Node.SendCoins(refund.Address, refund.Net, feeRate, cancellationToken);
        if (sent is { Outcome: SendCoinsOutcome.Sent, Txid: { } txid })
            await Finish(orderId, txid);
        else
        {
            logger.LogWarning("Refunding {Sats} sats on-chain for order {OrderId} failed ({Outcome}); the next sweep retries", refund.Net, orderId, sent.Outcome);
            await Release(orderId);
        }
    }

    /// <summary>A claim whose outcome was lost: adopt the refund if the wallet sent it, otherwise free the claim to send it again.</summary>
    public async Task Resume(Lsps1Order row, IReadOnlyList<WalletTransaction> wallet, CancellationToken cancellationToken)
    {
        if (row.OnchainRefundClaimedAt > time.GetUtcNow().UtcDateTime - ClaimLifetime)
            return;
        var sent = wallet.FirstOrDefault(t => t.Outputs.Any(o => !o.IsOurs && o.Address == row.RefundOnchainAddress && o.AmountSat == row.OnchainRefundPendingNetSat));
        if (sent is not null)
            await Finish(row.OrderId, sent.Txid);
        else
            await Release(row.OrderId);
    }

    private Task Finish(string orderId, string txid) =>
        transitions.Change(orderId, async (db, order) =>
        {
            var row = await db.Lsps1Orders.FirstAsync(l => l.OrderId == orderId);
            if (row.OnchainRefundPendingSat is not { } gross)
                return;
            var net = row.OnchainRefundPendingNetSat;
            (row.OnchainRefundedSat, row.OnchainRefundTxid, row.OnchainRefundedAt) = (row.OnchainRefundedSat + gross, txid, time.GetUtcNow().UtcDateTime);
            (row.OnchainRefundPendingSat, row.OnchainRefundPendingNetSat, row.OnchainRefundClaimedAt) = (null, null, null);
            await transitions.Record(db, order, order.Status, "onchain.refunded", $"Refunded {net} of {gross} sats on-chain to {row.RefundOnchainAddress}.",
                new { txid, refunded_sat = net, fee_sat = gross - net });
        });

    private Task Release(string orderId) =>
        database.Write<MarketDbContext>(async db =>
        {
            var row = await db.Lsps1Orders.FirstAsync(l => l.OrderId == orderId);
            (row.OnchainRefundPendingSat, row.OnchainRefundPendingNetSat, row.OnchainRefundClaimedAt) = (null, null, null);
            await db.SaveChangesAsync();
        });
}
