namespace Magma.Market.Data;

public enum OfferStatus { Enabled, Disabled, AdminDisabled }

public enum OnchainPriority { Low, Medium, High }

/// <summary>A seller's standing offer of channels. Sizes and base fees in sats, rates in ppm of the channel size.</summary>
public sealed class Offer
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }
    public required string Pubkey { get; set; }
    public OfferStatus Status { get; set; }
    public long TotalSizeSat { get; set; }
    /// <summary>Sum of the sizes of this offer's orders that have not failed; kept by <c>OfferLiquidity</c>.</summary>
    public long LockedSat { get; set; }
    public long MinSizeSat { get; set; }
    public long MaxSizeSat { get; set; }
    public int MinBlockLength { get; set; }
    public long FeeRatePpm { get; set; }
    public long BaseFeeSat { get; set; }
    public long FeeRateCapPpm { get; set; }
    public long BaseFeeCapSat { get; set; }
    public OnchainPriority OnchainPriority { get; set; }
    public int OnchainMultiplier { get; set; }
    /// <summary>JSON array of {condition, operator, value}.</summary>
    public required string Conditions { get; set; }
    public bool IsHouse { get; set; }
    /// <summary>Accepts orders without a person: the house offer, and sellers running automation.</summary>
    public bool IsAutomated { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
