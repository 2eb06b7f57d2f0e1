using Magma.Market.Data;

namespace Magma.Market;

/// <summary>Configuration section <c>Market</c>.</summary>
public sealed class MarketOptions
{
    public const string Section = "Market";

    public TimeoutOptions Timeouts { get; set; } = new();

    /// <summary>Funding confirmations before a marketplace order is validated and its seller paid.</summary>
    public int Confirmations { get; set; } = 3;

    /// <summary>Blocks of margin kept before a held HTLC's expiry: past its deadline the HTLC is cancelled.</summary>
    public int HtlcSafetyBlocks { get; set; } = 12;

    /// <summary>CLTV delta asked for the buyer's hold invoice: room for the open, the confirmations and the margin.</summary>
    public int HoldInvoiceCltvExpiry { get; set; } = 432;

    /// <summary>A seller's invoice must stay payable at least this long (Magma asks for more than 48 hours).</summary>
    public TimeSpan MinSellerInvoiceExpiry { get; set; } = TimeSpan.FromHours(48);

    /// <summary>The platform's fee on marketplace orders, in ppm of the seller's fee.</summary>
    public long PlatformFeePpm { get; set; } = 20_000;

    /// <summary>The smallest purchase, in US cents (Magma: $5).</summary>
    public long MinUsdCents { get; set; } = 500;

    public PriceOptions Price { get; set; } = new();

    public HouseSellerOptions HouseSeller { get; set; } = new();

    /// <summary>Msat placed in the platform wallet of a sandbox, so it can pay sellers before buyers settle.</summary>
    public long SandboxPlatformFloatMsat { get; set; } = 1_000_000_000_000;

    /// <summary>How long a node-login challenge stays valid.</summary>
    public TimeSpan LoginChallengeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public sealed class TimeoutOptions
    {
        public TimeSpan SellerApproval { get; set; } = TimeSpan.FromHours(2);

        /// <summary>The buyer's hold invoice expiry: the time left to pay.</summary>
        public TimeSpan BuyerPayment { get; set; } = TimeSpan.FromHours(1);

        public TimeSpan ChannelOpen { get; set; } = TimeSpan.FromHours(12);
    }

    public sealed class PriceOptions
    {
        /// <summary>The static BTC/USD price used until a live price feed is plugged in.</summary>
        public decimal BtcUsd { get; set; } = 100_000m;
    }

    /// <summary>The engine's own node as a seller, with an offer that accepts every order it can serve.</summary>
    public sealed class HouseSellerOptions
    {
        public bool Enabled { get; set; } = true;
        public long TotalSizeSat { get; set; } = 500_000_000;
        public long MinSizeSat { get; set; } = 100_000;
        public long MaxSizeSat { get; set; } = 50_000_000;
        public int MinBlockLength { get; set; } = 4_320;
        public long FeeRatePpm { get; set; } = 5_000;
        public long BaseFeeSat { get; set; } = 1_000;
        public long FeeRateCapPpm { get; set; } = 1_000;
        public long BaseFeeCapSat { get; set; } = 1;
        public OnchainPriority OnchainPriority { get; set; } = OnchainPriority.Medium;
        public int OnchainMultiplier { get; set; } = 1;
    }
}
