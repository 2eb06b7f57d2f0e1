using Magma.Lightning;
using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Escrow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Magma.Market.Orders;

/// <summary>
/// Moves orders along the chain: funding seen, confirmed, channel visible, channel valid or not, then the
/// monitoring window. Runs on every block (node event) and as a sweep that skips orders already checked at the
/// current tip, so in-flight orders cost one node query per block, not per sweep.
/// </summary>
public sealed class ChainProgress(
    SqliteDatabase database,
    MarketPlatform platform,
    OrderTransitions transitions,
    EscrowService escrow,
    ChannelValidation validation,
    OrderMonitoring monitoring,
    ILogger<ChainProgress> logger)
{
    private static readonly List<OrderStatus> OnChain =
    [
        OrderStatus.SellerSentTransaction, OrderStatus.WaitingForOnChainConfirmation, OrderStatus.OnChainConfirmation,
        OrderStatus.SellerOpenedChannel, OrderStatus.ValidChannelOpening,
    ];

    // Block events and the sweep job may arrive together; one pass at a time keeps the log free of lost races.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<int> Sweep(CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await SweepOnce(cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<int> SweepOnce(CancellationToken cancellationToken)
    {
        var tip = await platform.Node.GetBlockHeight(cancellationToken);
        List<string> due;
        await using (var db = database.Read<MarketDbContext>())
            due = await db.Orders
                .Where(o => OnChain.Contains(o.Status) && (o.ChainCheckedHeight == null || o.ChainCheckedHeight < tip))
                .Select(o => o.Id)
                .ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            try
            {
                await Advance(id, tip);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Chain progress for order {OrderId} failed; the next sweep retries", id);
            }
        }
        return due.Count;
    }

    public async Task Advance(string orderId, int? knownTip = null)
    {
        var node = platform.Node;
        var tip = knownTip ?? await node.GetBlockHeight();
        var order = await transitions.Change(orderId, (_, o) => { o.ChainCheckedHeight = tip; return Task.CompletedTask; });

        if (order.Status == OrderStatus.SellerSentTransaction && OutPoint.TryParse(order.ChannelPoint, out var funding)
            && await node.GetTransactionConfirmations(funding.Value.Txid) is not null)
            order = await transitions.FireIfStill(order.Id, OrderStatus.SellerSentTransaction, OrderTrigger.FundingSeen, "The funding transaction is on the network.");

        if (order.Status == OrderStatus.WaitingForOnChainConfirmation && OutPoint.TryParse(order.ChannelPoint, out var point))
        {
            var confirmations = await node.GetTransactionConfirmations(point.Value.Txid) ?? 0;
            order = await transitions.Change(order.Id, async (db, o) =>
            {
                if (o.Status != OrderStatus.WaitingForOnChainConfirmation)
                    return;
                o.FundingConfirmations = confirmations;
                if (confirmations > 0)
                    o.ConfirmationHeight ??= tip - confirmations + 1;
                if (confirmations >= o.RequiredConfirmations)
                    await transitions.Fire(db, o, OrderTrigger.FundingConfirmed, $"The funding transaction has {confirmations} confirmations.");
            });
        }

        if (order.Status == OrderStatus.OnChainConfirmation && OutPoint.TryParse(order.ChannelPoint, out var seen)
            && await node.FindChannel(seen.Value) is { } edge)
        {
            order = await transitions.FireIfStill(order.Id, OrderStatus.OnChainConfirmation, OrderTrigger.ChannelSeen, "The channel is in the graph.",
                o =>
                {
                    o.ChannelId = (long)edge.ChannelId;
                    // The short channel id names the funding block exactly; the height estimated from a confirmation
                    // count read a few blocks later may be early, and monitoring counts from it.
                    o.ConfirmationHeight = ChannelValidation.FundingHeight(edge);
                });
            if (order.Status == OrderStatus.SellerOpenedChannel)
                order = await validation.Validate(order, edge);
        }

        // Seen and recorded, but the process stopped before validating: validate now.
        if (order.Status == OrderStatus.SellerOpenedChannel && OutPoint.TryParse(order.ChannelPoint, out var recorded)
            && await node.FindChannel(recorded.Value) is { } known)
            order = await validation.Validate(order, known);

        if (order.Status == OrderStatus.ValidChannelOpening)
        {
            if (order.EscrowOpen)
                await escrow.Release(order);
            await monitoring.Check(order.Id, tip);
        }
    }
}
