namespace Magma.Payments;

/// <summary>Configuration section <c>Payments</c>.</summary>
public sealed class PaymentsOptions
{
    public const string Section = "Payments";

    public SandboxOptions Sandbox { get; set; } = new();

    public WebhookOptions Webhooks { get; set; } = new();

    public LightningAddressOptions LightningAddress { get; set; } = new();

    /// <summary>Most a send may spend on routing fees: the larger of this floor and <see cref="FeeReservePpm"/>.</summary>
    public long MinFeeReserveMsat { get; set; } = 2_000;

    public long FeeReservePpm { get; set; } = 10_000;

    /// <summary>How long the node may try a payment before reporting it still in flight.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a send request waits for the outcome before answering PENDING; the payment goes on regardless.</summary>
    public TimeSpan SendWait { get; set; } = TimeSpan.FromSeconds(5);

    public sealed class SandboxOptions
    {
        /// <summary>Delay before a sandbox behaviour (complete, fail, expire) takes effect.</summary>
        public TimeSpan BehaviorDelay { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>BTC/USD price in cents that prices the simulated stablecoins.</summary>
        public long BtcUsdPriceCents { get; set; } = 10_000_000;

        /// <summary>Msat credited to the default sandbox wallet at first start, so sends work out of the box.</summary>
        public long InitialWalletBalanceMsat { get; set; } = 10_000_000_000;
    }

    public sealed class WebhookOptions
    {
        /// <summary>Allow http and loopback endpoint URLs in SANDBOX environments (on by default in Development).</summary>
        public bool AllowInsecureSandboxUrls { get; set; }

        public int MaxAttempts { get; set; } = 15;

        public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
    }

    public sealed class LightningAddressOptions
    {
        /// <summary>LUD-16 requires https; tests and local setups may allow http for loopback hosts.</summary>
        public bool AllowHttpLoopback { get; set; }

        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
    }
}
