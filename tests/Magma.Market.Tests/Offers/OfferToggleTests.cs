using Magma.Market.Accounts;
using Magma.Market.Data;
using Magma.Market.Offers;
using Magma.Market.Orders;

namespace Magma.Market.Tests.Offers;

/// <summary>ENABLED and DISABLED are the seller's to flip; ADMIN_DISABLED is the admin's, and only the admin lifts it.</summary>
public sealed class OfferToggleTests : MarketHarness
{
    [Fact]
    public async Task TheSellerPausesAndResumesItsOffer()
    {
        var (_, seller, offer) = await Seller();
        var offers = Get<OfferService>();

        Assert.Equal(OfferStatus.Disabled, (await offers.Toggle(seller, offer.Id)).Status);
        Assert.DoesNotContain(await offers.Book(), v => v.Offer.Id == offer.Id);
        Assert.Equal(OfferStatus.Enabled, (await offers.Toggle(seller, offer.Id)).Status);
        Assert.Contains(await offers.Book(), v => v.Offer.Id == offer.Id);
    }

    [Fact]
    public async Task AnAdminDisabledOfferCannotBeReEnabledByItsSeller()
    {
        var (_, seller, offer) = await Seller();
        var offers = Get<OfferService>();

        Assert.Equal(OfferStatus.AdminDisabled, (await offers.Toggle(MarketCaller.AdminCaller, offer.Id)).Status);
        await Refusal.Expect("offer-admin-disabled", () => offers.Toggle(seller, offer.Id));
        Assert.Equal(OfferStatus.AdminDisabled, (await offers.Get(offer.Id)).Offer.Status);

        Assert.Equal(OfferStatus.Enabled, (await offers.Toggle(MarketCaller.AdminCaller, offer.Id)).Status);
    }

    [Fact]
    public async Task TheAdminCanDisableASellerPausedOffer()
    {
        var (_, seller, offer) = await Seller();
        var offers = Get<OfferService>();
        await offers.Toggle(seller, offer.Id);

        Assert.Equal(OfferStatus.AdminDisabled, (await offers.Toggle(MarketCaller.AdminCaller, offer.Id)).Status);
        await Refusal.Expect("offer-admin-disabled", () => offers.Toggle(seller, offer.Id));
    }

    [Fact]
    public async Task AnotherAccountCannotToggleTheOffer()
    {
        var (_, _, offer) = await Seller();
        var (_, other, _) = await Seller(alias: "other seller");

        await Refusal.Expect("offer-not-found", () => Get<OfferService>().Toggle(other, offer.Id));

        Assert.Equal(OfferStatus.Enabled, (await Get<OfferService>().Get(offer.Id)).Offer.Status);
    }

    [Fact]
    public async Task ADisabledOfferTakesNoNewOrdersButItsOrdersInFlightGoOn()
    {
        var deal = await MarketplaceOrder();
        await Get<OfferService>().Toggle(deal.Seller, deal.OfferId);

        var late = Uri(await BuyerNode("late buyer"));
        await Refusal.Expect("no-matching-offer", () => Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(late, "5000", null, false, false, null)));

        await CompleteMarketplaceOrder(deal);
    }
}
