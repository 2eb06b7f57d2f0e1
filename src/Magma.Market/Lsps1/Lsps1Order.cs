using Magma.Market.Data;

namespace Magma.Market.Lsps1;

/// <summary>An LSPS1 order read together with its engine order.</summary>
public sealed record Lsps1Pair(Order Order, Lsps1Order Lsps1);

/// <summary>
/// What an LSPS1 order adds to its engine order (same id): the request as the client sent it, the token, the
/// fixed <c>created_at</c> text, and the on-chain payment option with its accounting. On-chain sats are counted
/// as received (confirmed), kept (applied to the order) and refunded (gross, before the refund's fee); whatever
/// is received but neither kept nor refunded is owed back to the client.
/// </summary>
public sealed class Lsps1Order
{
    public required string OrderId { get; set; }
    public Lsps1Route Route { get; set; }

    public long LspBalanceSat { get; set; }
    public long ClientBalanceSat { get; set; }
    public int RequiredChannelConfirmations { get; set; }
    public int FundingConfirmsWithinBlocks { get; set; }
    public long ChannelExpiryBlocks { get; set; }
    public bool AnnounceChannel { get; set; }
    public required string Token { get; set; }
    public string? PublicKey { get; set; }
    public string? RefundOnchainAddress { get; set; }
    /// <summary>Written once as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, so every read returns the same bytes.</summary>
    public required string CreatedAtText { get; set; }
    public long FeeTotalSat { get; set; }
    public long OrderTotalSat { get; set; }

    public string? OnchainAddress { get; set; }
    public int OnchainMinConfirmations { get; set; }
    public long? OnchainMinFeeFor0Conf { get; set; }
    public DateTime? OnchainWatchUntil { get; set; }
    public long OnchainReceivedSat { get; set; }
    public long OnchainKeptSat { get; set; }
    public long OnchainRefundedSat { get; set; }
    public DateTime? OnchainPaidAt { get; set; }
    /// <summary>A refund claimed before the wallet is asked, so a sweep and a block event never send it twice.</summary>
    public long? OnchainRefundPendingSat { get; set; }
    public long? OnchainRefundPendingNetSat { get; set; }
    public DateTime? OnchainRefundClaimedAt { get; set; }
    public string? OnchainRefundTxid { get; set; }
    public DateTime? OnchainRefundedAt { get; set; }

    /// <summary>Received on-chain, not applied to the order and not yet refunded.</summary>
    public long OnchainOwedSat => OnchainReceivedSat - OnchainKeptSat - OnchainRefundedSat;
}
