using Magma.Lightning;
using Magma.Lightning.Storage;
using Magma.Market.Accounts;
using Magma.Market.Data;
using Magma.Market.Errors;
using Magma.Market.Escrow;
using Magma.Market.Offers;
using Magma.Market.Pricing;
using Magma.Payments;
using Magma.Payments.Errors;
using Microsoft.Extensions.Options;

namespace Magma.Market.Orders;

/// <summary>Magma's LiquidityOrderInput, as <c>liquidity.buy</c> receives it.</summary>
public sealed record LiquidityOrderInput(string? ConnectionUri, string? UsdCents, string? RedirectUrl, bool? Private, bool? RailsClusterOnly, string? AssetId);

/// <summary>The answer to a buy: the account (with its session key the first time) and the new order.</summary>
public sealed record BuyResult(string AccountId, string? SessionKey, Order Order);

/// <summary>
/// Places orders: <c>liquidity.buy</c> matches the best offer for a budget, <c>market.order.create</c> orders from a
/// chosen offer. A new anonymous buyer gets an account and its session key in the same unit as the order.
/// House orders accept themselves at once; marketplace sellers have until the approval deadline.
/// </summary>
public sealed class OrderPlacement(
    Magma.Lightning.Storage.SqliteDatabase database,
    OfferMatcher matcher,
    AccountService accounts,
    OrderTransitions transitions,
    HouseSeller house,
    TimeProvider time,
    IOptions<MarketOptions> options)
{
    public async Task<BuyResult> Buy(MarketCaller? caller, LiquidityOrderInput input, CancellationToken cancellationToken = default)
    {
        var buyer = ParseConnectionUri(input.ConnectionUri);
        var usdCents = Validation.PositiveIntegerString(input.UsdCents, "usd_cents");
        var redirect = OptionalUrl(input.RedirectUrl);
        var match = await matcher.Match(new BuyRequest(buyer, usdCents, input.Private ?? false, input.RailsClusterOnly ?? false, input.AssetId), cancellationToken);
        return await Place(caller, match.Offer, match.SizeSat, buyer, input.Private ?? false, usdCents, redirect, cancellationToken);
    }

    /// <summary>An account orders a channel of a chosen size from a chosen offer.</summary>
    public async Task<BuyResult> FromOffer(MarketCaller caller, string? offerId, string? size, string? connectionUri, bool? isPrivate, CancellationToken cancellationToken = default)
    {
        if (caller is not MarketCaller.Account)
            throw new MagmaException(MarketErrors.Unauthenticated, "Ordering from an offer takes an account's API key or session key.");
        var buyer = ParseConnectionUri(connectionUri);
        var sizeSat = Validation.PositiveIntegerString(size, "size");
        var id = Ids.Require(offerId, "offer_id");
        Offer offer;
        await using (var db = database.Read<MarketDbContext>())
            offer = (await OfferService.View(db, [db.Offers.FirstOrDefault(o => o.Id == id) ?? throw new MagmaException(MarketErrors.OfferNotFound, "Offer not found.")])).Single().Offer;
        if (offer.Status != OfferStatus.Enabled)
            throw new MagmaException(MarketErrors.OfferNotFound, "This offer is not taking orders.");
        if (sizeSat < offer.MinSizeSat || sizeSat > offer.MaxSizeSat)
            throw new MagmaException(MarketErrors.MinAmountViolated, $"Min amount violated: size must be between {offer.MinSizeSat} and {offer.MaxSizeSat} sats.", "size");
        var facts = await BuyerFacts.Load(house.PlatformNode, buyer.Pubkey, [$"{buyer.Host}:{buyer.Port}"], cancellationToken);
        if (!OfferCondition.Parse(offer.Conditions).All(c => c.IsMetBy(facts.For(offer.Pubkey))))
            throw new MagmaException(MarketErrors.NoMatchingOffer, "The buyer's node does not meet this offer's conditions.", "connection_uri");
        return await Place(caller, offer, sizeSat, buyer, isPrivate ?? false, usdCents: null, redirect: null, cancellationToken);
    }

    private async Task<BuyResult> Place(MarketCaller? caller, Offer offer, long sizeSat, NodeUri buyer, bool isPrivate, long? usdCents, string? redirect, CancellationToken cancellationToken)
    {
        var (sellerFee, platformFee, total) = OrderPricing.Quote(offer, sizeSat, options.Value.PlatformFeePpm);
        var now = time.GetUtcNow().UtcDateTime;
        var (accountId, sessionKey, order) = await database.Write<MarketDbContext, (string, string?, Order)>(async db =>
        {
            string accountId;
            string? sessionKey = null;
            if (caller?.AccountId is { } existing)
                accountId = existing;
            else
            {
                var (account, key) = accounts.NewAccount(db, "anonymous buyer", AccountKind.Anonymous, AccountKeyKind.Session);
                (accountId, sessionKey) = (account.Id, key.Plaintext);
            }
            var order = NewOrder(offer, accountId, buyer, sizeSat, isPrivate, sellerFee, platformFee, total, usdCents, redirect, now);
            db.Orders.Add(order);
            // Recording CREATED locks the offer's liquidity, or fails the unit when a concurrent buy just took it.
            await transitions.Record(db, order, null, "CREATED", offer.IsHouse ? "Order placed with the house seller." : "Order placed; waiting for the seller's approval.");
            await db.SaveChangesAsync();
            return (accountId, sessionKey, order);
        });
        if (offer.IsHouse)
            order = await house.Accept(order, cancellationToken);
        return new BuyResult(accountId, sessionKey, order);
    }

    private Order NewOrder(Offer offer, string buyerAccount, NodeUri buyer, long sizeSat, bool isPrivate, long sellerFee, long platformFee, long total, long? usdCents, string? redirect, DateTime now) => new()
    {
        Id = OrderTransitions.NewId(now), OfferId = offer.Id, Source = OrderSource.Marketplace, Status = OrderStatus.WaitingForSellerApproval,
        PaymentStatus = OrderPaymentStatus.PendingPayment, IsHouse = offer.IsHouse, IsPrivate = isPrivate,
        BuyerAccountId = buyerAccount, SellerAccountId = offer.AccountId, BuyerPubkey = buyer.Pubkey.ToHex(), BuyerSocket = $"{buyer.Host}:{buyer.Port}",
        SellerPubkey = offer.Pubkey, SizeSat = sizeSat, SellerFeeSat = sellerFee, PlatformFeeSat = platformFee, BuyerAmountSat = total, UsdCents = usdCents,
        LockedMinBlockLength = offer.MinBlockLength, LockedFeeRate = offer.FeeRatePpm, LockedBaseFee = offer.BaseFeeSat,
        LockedFeeRateCap = offer.FeeRateCapPpm, LockedBaseFeeCap = offer.BaseFeeCapSat, RequiredConfirmations = options.Value.Confirmations,
        // House orders accept at once, but one whose acceptance never finished must still expire and free the liquidity.
        SellerApprovalDeadline = now + options.Value.Timeouts.SellerApproval,
        RedirectUrl = redirect, CreatedAt = now, UpdatedAt = now,
    };

    public static NodeUri ParseConnectionUri(string? value) =>
        NodeUri.TryParse(value?.Trim(), out var uri)
            ? uri
            : throw new MagmaException(MarketErrors.InvalidConnectionUri, "connection_uri must be in <pubkey>@<host>:<port> format", "connection_uri");

    private static string? OptionalUrl(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && value.Length <= 2048
            ? value
            : throw MarketErrors.Invalid("redirect_url must be an absolute http(s) URL.", "redirect_url");
    }
}
