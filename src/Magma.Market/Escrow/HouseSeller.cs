using System.Security.Cryptography;
using Magma.Lightning.Storage;
using Magma.Market.Accounts;
using Magma.Market.Data;
using Magma.Market.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Magma.Market.Escrow;

/// <summary>
/// The engine's own node as a seller. Its offer (terms from <c>Market:HouseSeller</c>) accepts every order it can
/// serve: the engine makes the preimage, issues the buyer's hold invoice itself, and opens the channel itself.
/// </summary>
public sealed class HouseSeller(
    SqliteDatabase database,
    MarketPlatform platform,
    AccountService accounts,
    EscrowService escrow,
    OrderTransitions transitions,
    TimeProvider time,
    IOptions<MarketOptions> options)
{
    private const string AccountKey = "house_account_id";

    public string? OfferId { get; private set; }

    public string Pubkey => platform.Node.Pubkey.ToHex();

    public Magma.Lightning.ILightningNode PlatformNode => platform.Node;

    /// <summary>Creates or updates the house account and offer from configuration; disables the offer when turned off.</summary>
    public async Task EnsureOffer()
    {
        var terms = options.Value.HouseSeller;
        var now = time.GetUtcNow().UtcDateTime;
        OfferId = await database.Write<MarketDbContext, string>(async db =>
        {
            var accountId = (await db.Settings.FirstOrDefaultAsync(s => s.Key == AccountKey))?.Value;
            if (accountId is null)
            {
                accountId = accounts.NewAccount(db, "Magma house seller", AccountKind.Registered, AccountKeyKind.Api).Account.Id;
                db.Settings.Add(new MarketSetting { Key = AccountKey, Value = accountId });
            }
            if (!await db.AccountNodes.AnyAsync(n => n.Pubkey == Pubkey))
                db.AccountNodes.Add(new AccountNode { Pubkey = Pubkey, AccountId = accountId, VerifiedAt = now });
            var offer = await db.Offers.FirstOrDefaultAsync(o => o.IsHouse && o.Pubkey == Pubkey);
            if (offer is null)
            {
                offer = new Offer { Id = OrderTransitions.NewId(now), AccountId = accountId, Pubkey = Pubkey, Conditions = "[]", IsHouse = true, IsAutomated = true, CreatedAt = now };
                db.Offers.Add(offer);
            }
            offer.Status = terms.Enabled ? OfferStatus.Enabled : OfferStatus.Disabled;
            (offer.TotalSizeSat, offer.MinSizeSat, offer.MaxSizeSat) = (terms.TotalSizeSat, terms.MinSizeSat, terms.MaxSizeSat);
            (offer.MinBlockLength, offer.FeeRatePpm, offer.BaseFeeSat) = (terms.MinBlockLength, terms.FeeRatePpm, terms.BaseFeeSat);
            (offer.FeeRateCapPpm, offer.BaseFeeCapSat) = (terms.FeeRateCapPpm, terms.BaseFeeCapSat);
            (offer.OnchainPriority, offer.OnchainMultiplier) = (terms.OnchainPriority, terms.OnchainMultiplier);
            offer.UpdatedAt = now;
            await db.SaveChangesAsync();
            return offer.Id;
        });
    }

    /// <summary>House orders accept themselves: a fresh preimage, the buyer's hold invoice, then SELLER_ACCEPT.</summary>
    public async Task<Order> Accept(Order order, CancellationToken cancellationToken = default)
    {
        var preimage = RandomNumberGenerator.GetBytes(32);
        var hash = Convert.ToHexStringLower(SHA256.HashData(preimage));
        order = await transitions.Change(order.Id, (_, o) =>
        {
            (o.Preimage, o.PaymentHash) = (Convert.ToHexStringLower(preimage), hash);
            return Task.CompletedTask;
        });
        var hold = await escrow.IssueBuyerInvoice(order, cancellationToken);
        return await transitions.Fire(order.Id, OrderTrigger.SellerAccept, "The house seller accepted the order.", o =>
        {
            (o.HoldTransactionId, o.BuyerInvoice, o.PaymentDeadline) = (hold.Id, hold.PaymentRequest, hold.ExpiresAt);
        });
    }
}
