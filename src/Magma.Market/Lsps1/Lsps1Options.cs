namespace Magma.Market.Lsps1;

/// <summary>
/// Configuration section <c>Lsps1</c>: the limits <c>get_info</c> announces and the on-chain option. Unset LSP
/// balance and channel limits follow the house seller's offer, so the two cannot disagree.
/// </summary>
public sealed class Lsps1Options
{
    public const string Section = "Lsps1";

    public int MinRequiredChannelConfirmations { get; set; }

    public int MinFundingConfirmsWithinBlocks { get; set; } = 6;

    public bool SupportsZeroChannelReserve { get; set; }

    /// <summary>ZEUS offers up to 52560 blocks (a year); BTCPay sends 13140.</summary>
    public int MaxChannelExpiryBlocks { get; set; } = 52_560;

    public long MinInitialClientBalanceSat { get; set; }

    public long MaxInitialClientBalanceSat { get; set; } = 10_000_000;

    /// <summary>Defaults to the house offer's minimum size.</summary>
    public long? MinInitialLspBalanceSat { get; set; }

    /// <summary>Defaults to the house offer's maximum size.</summary>
    public long? MaxInitialLspBalanceSat { get; set; }

    /// <summary>Defaults to the LSP balance minimum plus the client balance minimum.</summary>
    public long? MinChannelBalanceSat { get; set; }

    /// <summary>Defaults to the LSP balance maximum plus the client balance maximum.</summary>
    public long? MaxChannelBalanceSat { get; set; }

    /// <summary>Connection strings announced in <c>uris</c>; empty means the house node's own.</summary>
    public List<string> Uris { get; set; } = [];

    /// <summary>Accepted coupons. A non-empty token not listed here is refused with error 102.</summary>
    public List<string> Tokens { get; set; } = [];

    /// <summary>Client node ids refused with error 001.</summary>
    public List<string> RejectedNodes { get; set; } = [];

    /// <summary>Offer <c>payment.onchain</c> to clients that give a refund address.</summary>
    public bool OnchainPayments { get; set; } = true;

    /// <summary>Confirmations before an on-chain payment counts as PAID. With 0 a mempool payment counts.</summary>
    public int MinOnchainPaymentConfirmations { get; set; } = 1;

    /// <summary>Announced as <c>min_fee_for_0conf</c> (sat per 1000 weight units) when 0 confirmations are accepted.</summary>
    public long MinFeeFor0ConfSatPerKw { get; set; } = 253;

    /// <summary>How long after its payment deadline an order's on-chain address is still watched for late payments to refund.</summary>
    public TimeSpan OnchainWatchPeriod { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The funding-target used to price an on-chain refund.</summary>
    public int RefundTargetBlocks { get; set; } = 6;

    /// <summary>recommended/cheapest: how long create_order waits for an automated marketplace seller to accept.</summary>
    public TimeSpan SellerAcceptanceWait { get; set; } = TimeSpan.FromSeconds(10);

    public RateLimitOptions RateLimit { get; set; } = new();

    public sealed class RateLimitOptions
    {
        /// <summary>create_order calls allowed per client address and window.</summary>
        public int PermitLimit { get; set; } = 30;

        public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
    }
}
