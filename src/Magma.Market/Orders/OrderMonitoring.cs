using Magma.Lightning;
using Magma.Lightning.Crypto;
using Magma.Market.Escrow;

namespace Magma.Market.Orders;

/// <summary>
/// Watches a valid channel for its promised lifetime: records an early close (how many blocks before the promised
/// minimum) and the time the seller's routing fees spent above the locked caps, then finishes the order.
/// </summary>
public sealed class OrderMonitoring(MarketPlatform platform, OrderAccess access, OrderTransitions transitions, TimeProvider time)
{
    public async Task Check(string orderId, int tip)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var order = await access.Load(Accounts.MarketCaller.AdminCaller, orderId);
        if (order.Status != OrderStatus.ValidChannelOpening || !OutPoint.TryParse(order.ChannelPoint, out var point))
            return;
        var edge = await platform.Node.FindChannel(point.Value);
        // A pass that started at an older tip can see a close mined since: count the missing blocks from the chain as it is now.
        if (edge is null)
            tip = Math.Max(tip, await platform.Node.GetBlockHeight());
        await transitions.Change(orderId, async (db, o) =>
        {
            if (edge is null)
                o.ClosedBlocksBeforeMin ??= Math.Max(0, (o.MonitoringEndHeight ?? tip) - tip);
            else if (edge.PolicyOf(PublicKey.ParseHex(o.SellerPubkey)) is { } policy)
            {
                var aboveCap = policy.FeeRatePpm > o.LockedFeeRateCap || policy.BaseFeeMsat > o.LockedBaseFeeCap * 1000;
                if (aboveCap && o.FeeCheckedAt is { } since)
                    o.FeeAboveCapSeconds += (long)(now - since).TotalSeconds;
                o.FeeCheckedAt = now;
            }
            var windowOver = edge is null || tip >= o.MonitoringEndHeight;
            if (windowOver && !o.EscrowOpen)
                await transitions.Fire(db, o, OrderTrigger.MonitoringFinished,
                    edge is null ? $"The channel closed {o.ClosedBlocksBeforeMin} blocks before the promised minimum." : "The monitoring window is over.");
        });
    }
}
