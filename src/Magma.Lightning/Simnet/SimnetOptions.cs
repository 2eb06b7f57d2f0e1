namespace Magma.Lightning.Simnet;

/// <summary>Configuration section <c>Simnet</c>: how the embedded sandbox network behaves.</summary>
public sealed class SimnetOptions
{
    public const string Section = "Simnet";

    /// <summary>How often a block is mined; <c>00:00:00</c> means only on demand.</summary>
    public TimeSpan BlockInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often OPEN invoices past their expiry are cancelled, as LND's expiry watcher does.</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    public string HouseAlias { get; set; } = "magma-house";

    /// <summary>On-chain funds each new node's wallet starts with.</summary>
    public long InitialNodeBalanceSat { get; set; } = 1_000_000_000;

    /// <summary>Funding confirmations before a channel becomes active.</summary>
    public int ChannelConfirmations { get; set; } = 3;

    public TimeSpan DefaultInvoiceExpiry { get; set; } = TimeSpan.FromDays(1);

    public int DefaultCltvExpiry { get; set; } = 80;

    /// <summary>
    /// Simnet nodes are treated as well connected to a wider network: a payment with no path through
    /// Simnet's own channels still routes, through a virtual hub with the fees below.
    /// </summary>
    public bool AmbientRouting { get; set; } = true;

    public long AmbientFeeBaseMsat { get; set; } = 1_000;

    public long AmbientFeePpm { get; set; } = 1;

    public long MinChannelSizeSat { get; set; } = 20_000;

    public long MaxChannelSizeSat { get; set; } = 1_000_000_000;

    /// <summary>Routing policy a new channel starts with on both sides (LND's defaults).</summary>
    public long DefaultBaseFeeMsat { get; set; } = 1_000;

    public long DefaultFeeRatePpm { get; set; } = 1;

    public int TimeLockDelta { get; set; } = 80;
}
