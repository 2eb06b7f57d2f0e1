using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Orders;
using Microsoft.Data.Sqlite;

namespace Magma.Market.Lsps1;

/// <summary>
/// get_order's read: clients poll it every few seconds per order, so it is one prepared read, with only the columns
/// the LSPS1 view needs, instead of a context and two full entities.
/// </summary>
public sealed class Lsps1OrderReader(SqliteDatabase database)
{
    private const string Sql = """
        SELECT o.id, o.status, o.paid_onchain, o.paid_at, o.escrow_settled_at, o.escrow_cancelled_at, o.buyer_invoice,
               o.payment_deadline, o.funding_broadcast_at, o.channel_point,
               l.lsp_balance_sat, l.client_balance_sat, l.required_channel_confirmations, l.funding_confirms_within_blocks,
               l.channel_expiry_blocks, l.announce_channel, l.token, l.created_at_text, l.fee_total_sat, l.order_total_sat,
               l.onchain_address, l.onchain_min_confirmations, l.onchain_min_fee_for0_conf, l.refund_onchain_address,
               l.onchain_refunded_sat, l.onchain_refund_pending_sat
        FROM lsps1_orders l JOIN orders o ON o.id = l.order_id
        WHERE l.order_id = $p0
        """;

    public async Task<Lsps1Pair?> Find(string orderId) => (await database.Query(Sql, Read, orderId)).SingleOrDefault();

    private static Lsps1Pair Read(SqliteDataReader r)
    {
        var order = new Order
        {
            Id = r.GetString(0), OfferId = "", BuyerAccountId = "", BuyerPubkey = "", SellerPubkey = "",
            Status = Enum.Parse<OrderStatus>(r.GetString(1)), PaidOnchain = r.GetBoolean(2), PaidAt = Date(r, 3),
            EscrowSettledAt = Date(r, 4), EscrowCancelledAt = Date(r, 5), BuyerInvoice = Text(r, 6), PaymentDeadline = Date(r, 7),
            FundingBroadcastAt = Date(r, 8), ChannelPoint = Text(r, 9),
        };
        var lsps1 = new Lsps1Order
        {
            OrderId = order.Id, LspBalanceSat = r.GetInt64(10), ClientBalanceSat = r.GetInt64(11), RequiredChannelConfirmations = r.GetInt32(12),
            FundingConfirmsWithinBlocks = r.GetInt32(13), ChannelExpiryBlocks = r.GetInt64(14), AnnounceChannel = r.GetBoolean(15),
            Token = r.GetString(16), CreatedAtText = r.GetString(17), FeeTotalSat = r.GetInt64(18), OrderTotalSat = r.GetInt64(19),
            OnchainAddress = Text(r, 20), OnchainMinConfirmations = r.GetInt32(21), OnchainMinFeeFor0Conf = r.IsDBNull(22) ? null : r.GetInt64(22),
            RefundOnchainAddress = Text(r, 23), OnchainRefundedSat = r.GetInt64(24), OnchainRefundPendingSat = r.IsDBNull(25) ? null : r.GetInt64(25),
        };
        return new Lsps1Pair(order, lsps1);
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTime? Date(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc);
}
