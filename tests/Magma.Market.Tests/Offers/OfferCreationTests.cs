using Magma.Market.Accounts;
using Magma.Market.Data;
using Magma.Market.Offers;

namespace Magma.Market.Tests.Offers;

/// <summary>Only an account that proved control of a node may post offers for it; the inputs are checked.</summary>
public sealed class OfferCreationTests : MarketHarness
{
    private static OfferInput Input(string pubkey, string total = "10000000", string min = "100000", string max = "5000000") =>
        new(pubkey, total, min, max, 144, 1_000, 100, 1_000, 10, OnchainPriority.Medium, 1, []);

    [Fact]
    public async Task AnAccountWithoutAVerifiedNodeCannotPostAnOffer()
    {
        var node = await Simnet.CreateNode("unverified");
        var (account, _) = await Get<AccountService>().Create(MarketCaller.AdminCaller, "no node");
        var caller = new MarketCaller.Account(account.Id, AccountKeyKind.Api);

        await Refusal.Expect("node-not-verified", () => Get<OfferService>().Create(caller, Input(node.Pubkey.ToHex())));
        await Refusal.Expect("node-not-verified", () => Get<OfferService>().Create(MarketCaller.AdminCaller, Input(node.Pubkey.ToHex())));

        Assert.DoesNotContain(await Get<OfferService>().Book(), v => v.Offer.Pubkey == node.Pubkey.ToHex());
    }

    [Fact]
    public async Task AVerifiedSellerPostsForItsOwnNodeOnlyAndTheAdminMayPostOnItsBehalf()
    {
        var (node, seller, offer) = await Seller();
        var other = await Simnet.CreateNode("someone else");

        await Refusal.Expect("node-not-verified", () => Get<OfferService>().Create(seller, Input(other.Pubkey.ToHex())));
        var byAdmin = await Get<OfferService>().Create(MarketCaller.AdminCaller, Input(node.Pubkey.ToHex()));

        Assert.Equal(offer.AccountId, byAdmin.AccountId);
        Assert.Equal(OfferStatus.Enabled, byAdmin.Status);
        Assert.Equal(2, (await Get<OfferService>().Mine(seller)).Count);
    }

    [Theory]
    [InlineData("10000000", "19999", "5000000", "min_size")]
    [InlineData("10000000", "200000", "100000", "max_size")]
    [InlineData("1000000", "100000", "5000000", "max_size")]
    [InlineData("-5", "100000", "5000000", "total_size")]
    [InlineData("lots", "100000", "5000000", "total_size")]
    public async Task InconsistentSizesAreRefused(string total, string min, string max, string property)
    {
        var (node, seller, _) = await Seller();

        var error = await Refusal.Expect("invalid-input", () => Get<OfferService>().Create(seller, Input(node.Pubkey.ToHex(), total, min, max)));

        Assert.Equal(property, error.Property);
    }

    [Fact]
    public async Task AnOffersNodeCannotBeChangedByAnUpdate()
    {
        var (_, seller, offer) = await Seller();
        var other = await Simnet.CreateNode("someone else");

        await Refusal.Expect("invalid-input", () => Get<OfferService>().Update(seller, offer.Id, Input(other.Pubkey.ToHex())));

        var updated = await Get<OfferService>().Update(seller, offer.Id, new OfferInput(null, "20000000", null, null, null, 2_000, null, null, null, null, null, null));
        Assert.Equal((20_000_000, 2_000, offer.Pubkey), (updated.TotalSizeSat, updated.FeeRatePpm, updated.Pubkey));
    }
}
