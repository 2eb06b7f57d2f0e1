using Magma.Market.Data;

namespace Magma.Market.Offers;

/// <summary>Magma's CreateOfferInput: sizes as sat strings, the rest as integers.</summary>
public sealed record OfferInput(
    string? Pubkey,
    string? TotalSize,
    string? MinSize,
    string? MaxSize,
    int? MinBlockLength,
    long? FeeRate,
    long? BaseFee,
    long? FeeRateCap,
    long? BaseFeeCap,
    OnchainPriority? OnchainPriority,
    int? OnchainMultiplier,
    IReadOnlyList<OfferCondition>? Conditions);

/// <summary>An offer with its live liquidity: available = total − locked by orders that did not fail.</summary>
public sealed record OfferView(Offer Offer, long LockedSat, long FilledOrders)
{
    public long AvailableSat => Math.Max(0, Offer.TotalSizeSat - LockedSat);
}
