using Magma.Market.Data;
using Magma.Market.Orders;

namespace Magma.Market.Lsps1;

/// <summary>
/// Derives the LSPS1 states from the engine order, as design.md's "LSPS1 mapping" table says: CREATED until the
/// funding transaction is published, COMPLETED from then on, FAILED on any failure terminal; an option is HOLD
/// while the payment is held, PAID once settled, REFUNDED once cancelled (never CANCELLED), and every unpaid
/// option of a failed order is REFUNDED.
/// </summary>
public static class Lsps1States
{
    /// <summary>Blocks are taken as ten minutes each when turning channel_expiry_blocks into a date.</summary>
    public const long BlockMinutes = 10;

    public static Lsps1OrderView View(Order order, Lsps1Order lsps1) => new(
        order.Id, lsps1.LspBalanceSat, lsps1.ClientBalanceSat, lsps1.RequiredChannelConfirmations, lsps1.FundingConfirmsWithinBlocks,
        lsps1.ChannelExpiryBlocks, lsps1.Token, lsps1.CreatedAtText, lsps1.AnnounceChannel, OrderState(order),
        order.BuyerInvoice is { } invoice && order.PaymentDeadline is { } deadline
            ? new Lsps1Bolt11View(Bolt11State(order), Lsps1Dates.Format(deadline), lsps1.FeeTotalSat, lsps1.OrderTotalSat, invoice)
            : null,
        lsps1.OnchainAddress is { } address && order.PaymentDeadline is { } expires
            ? new Lsps1OnchainView(OnchainState(order, lsps1), Lsps1Dates.Format(expires), lsps1.FeeTotalSat, lsps1.OrderTotalSat, address,
                lsps1.OnchainMinConfirmations, lsps1.OnchainMinConfirmations == 0 ? lsps1.OnchainMinFeeFor0Conf : null, lsps1.RefundOnchainAddress)
            : null,
        Channel(order, lsps1));

    public static string OrderState(Order order) =>
        order.Status.IsFailure() ? "FAILED" : order.Status.FundingPublished() ? "COMPLETED" : "CREATED";

    public static string Bolt11State(Order order)
    {
        if (order.PaidOnchain)
            return "REFUNDED";
        if (order.EscrowSettledAt is not null)
            return "PAID";
        if (order.EscrowCancelledAt is not null || order.Status.IsFailure())
            return "REFUNDED";
        return order.PaidAt is not null ? "HOLD" : "EXPECT_PAYMENT";
    }

    public static string OnchainState(Order order, Lsps1Order lsps1)
    {
        if (order.PaidOnchain && (!order.Status.IsFailure() || order.FundingBroadcastAt is not null))
            return "PAID";
        // A failed order, a refund, or a Lightning payment that won: the option can no longer be paid.
        if (order.Status.IsFailure() || order.PaidAt is not null || lsps1.OnchainRefundedSat > 0 || lsps1.OnchainRefundPendingSat is not null)
            return "REFUNDED";
        return "EXPECT_PAYMENT";
    }

    private static Lsps1ChannelView? Channel(Order order, Lsps1Order lsps1)
    {
        if (order.FundingBroadcastAt is not { } funded || order.ChannelPoint is not { } point)
            return null;
        var expires = funded + TimeSpan.FromMinutes(BlockMinutes * lsps1.ChannelExpiryBlocks);
        return new Lsps1ChannelView(Lsps1Dates.Format(funded), point, Lsps1Dates.Format(expires));
    }
}
