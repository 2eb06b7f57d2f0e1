using System.Globalization;
using Magma.Market.Accounts;
using Magma.Market.Data;
using Magma.Market.Offers;

namespace Magma.Api.GraphQL.Market;

/// <summary>MarketOffer: sizes as sat strings, with live liquidity.</summary>
public sealed class OfferViewModel(OfferView view, MarketCaller? caller)
{
    private Offer Offer => view.Offer;
    public string Id => Offer.Id;
    public OfferStatus Status => Offer.Status;
    public SimpleNodeView Node => new(Offer.Pubkey);
    public string TotalSize => Sats(Offer.TotalSizeSat);
    public string LockedSize => Sats(view.LockedSat);
    public string AvailableSize => Sats(view.AvailableSat);
    public string MinSize => Sats(Offer.MinSizeSat);
    public string MaxSize => Sats(Offer.MaxSizeSat);
    public object Fees => new { base_fee = Sats(Offer.BaseFeeSat), fee_rate = (int)Offer.FeeRatePpm };
    public object Promises => new { min_block_length = Offer.MinBlockLength, fee_rate_cap = (int)Offer.FeeRateCapPpm, base_fee_cap = (int)Offer.BaseFeeCapSat };
    public IReadOnlyList<OfferCondition> Conditions => OfferCondition.Parse(Offer.Conditions);
    public OnchainPriority OnchainPriority => Offer.OnchainPriority;
    public int OnchainMultiplier => Offer.OnchainMultiplier;
    public int FilledOrders => (int)view.FilledOrders;
    public bool IsAutomated => Offer.IsAutomated || Offer.IsHouse;
    public bool IsOwner => caller?.AccountId is { } id && id == Offer.AccountId;
    public DateTime CreatedAt => Offer.CreatedAt;

    private static string Sats(long value) => value.ToString(CultureInfo.InvariantCulture);
}
