using Magma.Market.Orders;

namespace Magma.Market.Data;

public enum OrderSource { Marketplace, Lsps1 }

/// <summary>
/// One channel purchase. Money is in sats (channel sizes and fees are whole sats in Magma); invoices carry
/// msat = sats × 1000. Deadlines are columns so the sweeps find due orders by index.
/// </summary>
public sealed class Order
{
    public required string Id { get; set; }
    public required string OfferId { get; set; }
    public OrderSource Source { get; set; }
    public OrderStatus Status { get; set; }
    public OrderPaymentStatus PaymentStatus { get; set; }
    public bool IsHouse { get; set; }
    public bool IsPrivate { get; set; }

    public required string BuyerAccountId { get; set; }
    public string? SellerAccountId { get; set; }
    public required string BuyerPubkey { get; set; }
    public string? BuyerSocket { get; set; }
    public required string SellerPubkey { get; set; }

    public long SizeSat { get; set; }
    public long PushSat { get; set; }
    public long SellerFeeSat { get; set; }
    public long PlatformFeeSat { get; set; }
    public long BuyerAmountSat { get; set; }
    public long? UsdCents { get; set; }

    public int LockedMinBlockLength { get; set; }
    public long LockedFeeRate { get; set; }
    public long LockedBaseFee { get; set; }
    public long LockedFeeRateCap { get; set; }
    public long LockedBaseFeeCap { get; set; }

    public string? PaymentHash { get; set; }
    /// <summary>Only for house orders, where the engine is the seller and owns the preimage.</summary>
    public string? Preimage { get; set; }
    public string? SellerInvoice { get; set; }
    public string? HoldTransactionId { get; set; }
    public string? BuyerInvoice { get; set; }
    public string? PayoutTransactionId { get; set; }
    public int PayoutAttempts { get; set; }
    /// <summary>After a failed payout, the earliest time the escrow sweep tries again.</summary>
    public DateTime? PayoutRetryAt { get; set; }
    /// <summary>House orders: when the engine last claimed the order to open its channel (guards against two opens).</summary>
    public DateTime? OpenAttemptedAt { get; set; }
    /// <summary>House orders from LSPS1 settle when the funding transaction is broadcast; others after validation.</summary>
    public bool SettleAtBroadcast { get; set; }
    /// <summary>LSPS1: the buyer paid on-chain, so there is no HTLC; the escrow settles and refunds without one.</summary>
    public bool PaidOnchain { get; set; }
    public int RequiredConfirmations { get; set; }
    public int? FundingTargetBlocks { get; set; }

    public string? ChannelPoint { get; set; }
    public long? ChannelId { get; set; }
    public int FundingConfirmations { get; set; }
    /// <summary>The chain tip at which the order's chain progress was last checked: the sweep skips it until a new block.</summary>
    public int? ChainCheckedHeight { get; set; }
    public int? ConfirmationHeight { get; set; }
    /// <summary>The chain tip when the buyer's payment was held; the channel must be funded after it.</summary>
    public int? PaidHeight { get; set; }
    public int? HtlcExpiryHeight { get; set; }
    public int? HtlcDeadlineHeight { get; set; }
    public int? MonitoringEndHeight { get; set; }
    public int? ClosedBlocksBeforeMin { get; set; }
    public long FeeAboveCapSeconds { get; set; }
    public DateTime? FeeCheckedAt { get; set; }

    public DateTime? SellerApprovalDeadline { get; set; }
    public DateTime? PaymentDeadline { get; set; }
    public DateTime? ChannelOpenDeadline { get; set; }

    public DateTime? AcceptedAt { get; set; }
    public DateTime? PaidAt { get; set; }
    public DateTime? FundingBroadcastAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public DateTime? ChannelSeenAt { get; set; }
    public DateTime? ValidatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public DateTime? FailedAt { get; set; }
    public DateTime? EscrowSettledAt { get; set; }
    public DateTime? EscrowCancelledAt { get; set; }

    public string? RedirectUrl { get; set; }
    public string? FailureReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The buyer's HTLC is still held: neither settled nor cancelled.</summary>
    public bool EscrowOpen => PaidAt is not null && EscrowSettledAt is null && EscrowCancelledAt is null;
}
