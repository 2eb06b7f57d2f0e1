using Magma.Lightning;
using Magma.Lightning.Simnet;
using Magma.Market.Accounts;
using Magma.Market.Offers;
using Magma.Market.Orders;
using static Magma.Market.Offers.ConditionOperator;
using static Magma.Market.Offers.OfferConditionKind;

namespace Magma.Market.Tests.Offers;

/// <summary>An offer's conditions are checked against what the graph says about the buyer's node when it buys.</summary>
public sealed class ConditionMatchingTests : MarketHarness
{
    [Fact]
    public async Task NodeCapacityAndNodeChannelsCountOnlyTheBuyersPublicChannels()
    {
        await DisableHouseOffer();
        var (_, _, offer) = await Seller(conditions: [new(NodeCapacity, GreaterThanOrEqualTo, "2000000"), new(NodeChannels, GreaterThan, "0")]);
        var buyer = await BuyerNode();
        await Unmatched(Uri(buyer));

        await OpenChannel(buyer, 2_000_000, isPrivate: true);
        await Unmatched(Uri(buyer));

        await OpenChannel(buyer, 2_000_000, isPrivate: false);
        Assert.Equal(offer.Id, (await Buy(Uri(buyer))).OfferId);
    }

    [Fact]
    public async Task NodeSocketsSeesTheGraphsSocketsAndTheConnectionUrisHost()
    {
        await DisableHouseOffer();
        var (_, _, onionOnly) = await Seller(conditions: [new(NodeSockets, Contains, "TOR")]);
        var buyer = await BuyerNode();
        await Unmatched(Uri(buyer));

        var order = await Buy($"{buyer.Pubkey.ToHex()}@abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion:9735");

        Assert.Equal(onionOnly.Id, order.OfferId);
    }

    [Fact]
    public async Task NodeSocketsDoesNotContainExcludesABuyerTheGraphKnowsByIpv4()
    {
        await DisableHouseOffer();
        await Seller(conditions: [new(NodeSockets, DoesNotContain, "IPV4")]);

        await Unmatched(Uri(await BuyerNode()));
    }

    [Fact]
    public async Task ParallelChannelsCountsOnlyChannelsWithThisSeller()
    {
        await DisableHouseOffer();
        var (sellerNode, _, offer) = await Seller(conditions: [new(ParallelChannels, LessThan, "1")]);
        var buyer = await BuyerNode();
        await OpenChannel(buyer, 1_000_000, isPrivate: false);
        Assert.Equal(offer.Id, (await Buy(Uri(buyer))).OfferId);

        await OpenChannel(buyer, 1_000_000, isPrivate: false, peer: sellerNode);

        await Unmatched(Uri(buyer));
    }

    [Fact]
    public async Task OrderingFromAChosenOfferChecksItsConditionsToo()
    {
        var (_, _, offer) = await Seller(conditions: [new(NodeChannels, GreaterThanOrEqualTo, "1")]);
        var (account, _) = await Get<AccountService>().Create(MarketCaller.AdminCaller, "buyer");
        var buyer = new MarketCaller.Account(account.Id, Data.AccountKeyKind.Api);
        var uri = Uri(await BuyerNode());

        await Refusal.Expect("no-matching-offer", () => Get<OrderPlacement>().FromOffer(buyer, offer.Id, "100000", uri, false));
    }

    private async Task<Data.Order> Buy(string uri) =>
        (await Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(uri, "5000", null, false, false, null))).Order;

    private async Task Unmatched(string uri) =>
        await Refusal.Expect("no-matching-offer", () => Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(uri, "5000", null, false, false, null)));

    /// <summary>The buyer opens a channel (to a fresh node unless told) and it confirms into the graph.</summary>
    private async Task OpenChannel(SimnetNode buyer, long capacitySat, bool isPrivate, SimnetNode? peer = null)
    {
        peer ??= await Simnet.CreateNode("peer");
        await buyer.ConnectPeer(new NodeUri(peer.Pubkey, "127.0.0.1", 9735));
        Assert.Equal(OpenChannelOutcome.Pending, (await buyer.OpenChannel(new OpenChannelParams(peer.Pubkey, capacitySat, Private: isPrivate))).Outcome);
        await Simnet.Mine(3);
    }
}
