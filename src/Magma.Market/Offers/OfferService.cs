using Magma.Lightning.Crypto;
using Magma.Lightning.Storage;
using Magma.Market.Accounts;
using Magma.Market.Data;
using Magma.Market.Errors;
using Magma.Payments;
using Magma.Payments.Errors;
using Microsoft.EntityFrameworkCore;

namespace Magma.Market.Offers;

/// <summary>
/// Sellers' offers. Only an account that proved control of a node (or the admin) may post offers for it.
/// ENABLED and DISABLED are the seller's to toggle; ADMIN_DISABLED is the admin's, and the seller cannot lift it.
/// </summary>
public sealed class OfferService(SqliteDatabase database, TimeProvider time)
{
    public async Task<Offer> Create(MarketCaller caller, OfferInput input)
    {
        var pubkey = PublicKey.TryParseHex(input.Pubkey, out var key) ? key.ToHex() : throw MarketErrors.Invalid("pubkey must be a compressed public key in hex.", "pubkey");
        var now = time.GetUtcNow().UtcDateTime;
        var offer = new Offer
        {
            Id = Ids.New(now), AccountId = "", Pubkey = pubkey, Status = OfferStatus.Enabled, Conditions = "[]", CreatedAt = now, UpdatedAt = now,
            OnchainPriority = OnchainPriority.Medium, OnchainMultiplier = 1,
        };
        Apply(offer, input, creating: true);
        return await database.Write<MarketDbContext, Offer>(async db =>
        {
            offer.AccountId = await SellerAccount(db, caller, pubkey);
            db.Offers.Add(offer);
            await db.SaveChangesAsync();
            return offer;
        });
    }

    public Task<Offer> Update(MarketCaller caller, string? offerId, OfferInput input) =>
        Change(caller, offerId, offer =>
        {
            if (input.Pubkey is not null && !string.Equals(input.Pubkey, offer.Pubkey, StringComparison.OrdinalIgnoreCase))
                throw MarketErrors.Invalid("An offer's node cannot change; create a new offer.", "pubkey");
            Apply(offer, input, creating: false);
        });

    /// <summary>Flips ENABLED and DISABLED; the admin flips ADMIN_DISABLED on and off.</summary>
    public Task<Offer> Toggle(MarketCaller caller, string? offerId) =>
        Change(caller, offerId, offer => offer.Status = (caller, offer.Status) switch
        {
            (MarketCaller.Admin, OfferStatus.AdminDisabled) => OfferStatus.Enabled,
            (MarketCaller.Admin, _) => OfferStatus.AdminDisabled,
            (_, OfferStatus.AdminDisabled) => throw new MagmaException(MarketErrors.OfferAdminDisabled, "This offer was disabled by an administrator."),
            (_, OfferStatus.Enabled) => OfferStatus.Disabled,
            _ => OfferStatus.Enabled,
        });

    public async Task<OfferView> Get(string? offerId)
    {
        var id = Ids.Require(offerId, "offer_id");
        await using var db = database.Read<MarketDbContext>();
        var offer = await db.Offers.FirstOrDefaultAsync(o => o.Id == id) ?? throw new MagmaException(MarketErrors.OfferNotFound, "Offer not found.");
        return (await View(db, [offer])).Single();
    }

    /// <summary>The book: enabled offers with liquidity left, cheapest first (fee for a 1M-sat channel).</summary>
    public async Task<IReadOnlyList<OfferView>> Book()
    {
        await using var db = database.Read<MarketDbContext>();
        var offers = await db.Offers.Where(o => o.Status == OfferStatus.Enabled).ToListAsync();
        return (await View(db, offers))
            .Where(v => v.AvailableSat >= v.Offer.MinSizeSat)
            .OrderBy(v => Pricing.OrderPricing.SellerFeeSat(v.Offer, 1_000_000))
            .ToList();
    }

    public async Task<IReadOnlyList<OfferView>> Mine(MarketCaller caller)
    {
        await using var db = database.Read<MarketDbContext>();
        var offers = await db.Offers.Where(o => caller.AccountId == null || o.AccountId == caller.AccountId).OrderBy(o => o.CreatedAt).ToListAsync();
        return await View(db, offers);
    }

    public static async Task<List<OfferView>> View(MarketDbContext db, IReadOnlyList<Offer> offers)
    {
        var filled = await OfferLiquidity.Filled(db, offers.Select(o => o.Id).ToList());
        return offers.Select(o => new OfferView(o, o.LockedSat, filled.GetValueOrDefault(o.Id))).ToList();
    }

    private async Task<Offer> Change(MarketCaller caller, string? offerId, Action<Offer> change)
    {
        var id = Ids.Require(offerId, "offer_id");
        return await database.Write<MarketDbContext, Offer>(async db =>
        {
            var offer = await db.Offers.FirstOrDefaultAsync(o => o.Id == id);
            if (offer is null || (caller is MarketCaller.Account account && account.Id != offer.AccountId))
                throw new MagmaException(MarketErrors.OfferNotFound, "Offer not found.");
            change(offer);
            offer.UpdatedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
            return offer;
        });
    }

    private static async Task<string> SellerAccount(MarketDbContext db, MarketCaller caller, string pubkey)
    {
        var owner = await db.AccountNodes.FirstOrDefaultAsync(n => n.Pubkey == pubkey);
        return caller switch
        {
            MarketCaller.Account account when owner?.AccountId == account.Id => account.Id,
            MarketCaller.Admin when owner is not null => owner.AccountId,
            _ => throw new MagmaException(MarketErrors.NodeNotVerified,
                "Only an account that proved control of this node (account.login with a signed challenge) may post offers for it."),
        };
    }

    private static void Apply(Offer offer, OfferInput input, bool creating)
    {
        long Size(string? value, string property, long current) =>
            value is null ? (creating ? throw MarketErrors.Invalid($"{property} is required.", property) : current) : Validation.PositiveIntegerString(value, property);

        offer.TotalSizeSat = Size(input.TotalSize, "total_size", offer.TotalSizeSat);
        offer.MinSizeSat = Size(input.MinSize, "min_size", offer.MinSizeSat);
        offer.MaxSizeSat = Size(input.MaxSize, "max_size", offer.MaxSizeSat);
        if (offer.MinSizeSat < 20_000)
            throw MarketErrors.Invalid("min_size must be at least 20000 sats, the smallest channel nodes accept.", "min_size");
        if (offer.MinSizeSat > offer.MaxSizeSat || offer.MaxSizeSat > offer.TotalSizeSat)
            throw MarketErrors.Invalid("Sizes must satisfy min_size <= max_size <= total_size.", "max_size");
        offer.MinBlockLength = NonNegative(input.MinBlockLength, "min_block_length", offer.MinBlockLength, creating, min: 1);
        offer.FeeRatePpm = NonNegative(input.FeeRate, "fee_rate", offer.FeeRatePpm, creating);
        offer.BaseFeeSat = NonNegative(input.BaseFee, "base_fee", offer.BaseFeeSat, creating);
        offer.FeeRateCapPpm = NonNegative(input.FeeRateCap, "fee_rate_cap", offer.FeeRateCapPpm, creating);
        offer.BaseFeeCapSat = NonNegative(input.BaseFeeCap, "base_fee_cap", offer.BaseFeeCapSat, creating);
        offer.OnchainPriority = input.OnchainPriority ?? offer.OnchainPriority;
        if (input.OnchainMultiplier is { } multiplier)
            offer.OnchainMultiplier = multiplier is >= 1 and <= 5 ? multiplier : throw MarketErrors.Invalid("onchain_multiplier must be between 1 and 5.", "onchain_multiplier");
        if (input.Conditions is not null)
            offer.Conditions = OfferCondition.Serialize(input.Conditions.Select(c => c.Validated()).ToList());
    }

    private static T NonNegative<T>(T? value, string property, T current, bool creating, long min = 0) where T : struct, IComparable<T>
    {
        if (value is null)
            return creating ? throw MarketErrors.Invalid($"{property} is required.", property) : current;
        return Convert.ToInt64(value.Value) >= min ? value.Value : throw MarketErrors.Invalid($"{property} must be at least {min}.", property);
    }
}
