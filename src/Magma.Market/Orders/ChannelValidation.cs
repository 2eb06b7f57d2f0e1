using Magma.Lightning;
using Magma.Lightning.Crypto;
using Magma.Market.Data;
using Magma.Market.Escrow;

namespace Magma.Market.Orders;

/// <summary>
/// Checks that an opened channel is the one sold: it exists, holds at least the ordered size, joins the seller to
/// the buyer, was funded after the buyer paid, and is announced exactly when the order was public. A mismatch fails the order and refunds the buyer.
/// </summary>
public sealed class ChannelValidation(OrderTransitions transitions, EscrowService escrow)
{
    public async Task<Order> Validate(Order order, ChannelEdge edge)
    {
        var problem = Problem(order, edge);
        if (problem is null)
        {
            return await transitions.FireIfStill(order.Id, OrderStatus.SellerOpenedChannel, OrderTrigger.ChannelValid, "The channel matches the order.", o =>
                o.MonitoringEndHeight = (o.ConfirmationHeight ?? 0) + o.LockedMinBlockLength);
        }
        order = await transitions.FireIfStill(order.Id, OrderStatus.SellerOpenedChannel, OrderTrigger.ChannelInvalid,
            $"The channel does not match the order: {problem}", o => o.FailureReason = problem);
        // The cancel is idempotent: whichever path failed the order, the HTLC goes back.
        if (order.Status == OrderStatus.InvalidChannelOpening)
            await escrow.Cancel(order, null, "the channel did not match the order");
        return order;
    }

    /// <summary>The funding transaction's block, from the short channel id (BOLT 7: its top 24 bits).</summary>
    public static int FundingHeight(ChannelEdge edge) => (int)(edge.ChannelId >> 40);

    public static string? Problem(Order order, ChannelEdge edge)
    {
        if (edge.CapacitySat < order.SizeSat + order.PushSat)
            return $"its capacity is {edge.CapacitySat} sats, below the ordered {order.SizeSat + order.PushSat}";
        if (!edge.Connects(PublicKey.ParseHex(order.SellerPubkey), PublicKey.ParseHex(order.BuyerPubkey)))
            return "it does not connect the seller's node to the buyer's node";
        // Without this a seller could report a channel it already had with the buyer and be paid for nothing new.
        var fundingHeight = FundingHeight(edge);
        if (order.PaidHeight is { } paidHeight && fundingHeight < paidHeight)
            return $"its funding transaction confirmed at height {fundingHeight}, before the buyer paid at height {paidHeight}: it is not a new channel";
        if (edge.Announced == order.IsPrivate)
            return order.IsPrivate ? "it is announced but the order asked for a private channel" : "it is private but the order asked for a public channel";
        return null;
    }
}
