using Magma.Market.Offers;
using static Magma.Market.Offers.ConditionOperator;
using static Magma.Market.Offers.OfferConditionKind;

namespace Magma.Market.Tests.Offers;

/// <summary>Each condition kind under each operator it takes, against a buyer's graph facts.</summary>
public sealed class OfferConditionTests
{
    // Capacity 5,000,000 sats, 4 channels, an IPv4 and a Tor socket, 2 channels already with this seller.
    private static readonly BuyerNodeFacts Buyer = new(5_000_000, 4, new HashSet<string> { "IPV4", "TOR" }, 2);

    [Theory]
    [InlineData(NodeCapacity, EqualTo, "5000000", true)]
    [InlineData(NodeCapacity, EqualTo, "5000001", false)]
    [InlineData(NodeCapacity, NotEqualTo, "5000000", false)]
    [InlineData(NodeCapacity, NotEqualTo, "1", true)]
    [InlineData(NodeCapacity, GreaterThan, "4999999", true)]
    [InlineData(NodeCapacity, GreaterThan, "5000000", false)]
    [InlineData(NodeCapacity, GreaterThanOrEqualTo, "5000000", true)]
    [InlineData(NodeCapacity, GreaterThanOrEqualTo, "5000001", false)]
    [InlineData(NodeCapacity, LessThan, "5000001", true)]
    [InlineData(NodeCapacity, LessThan, "5000000", false)]
    [InlineData(NodeCapacity, LessThanOrEqualTo, "5000000", true)]
    [InlineData(NodeCapacity, LessThanOrEqualTo, "4999999", false)]
    [InlineData(NodeChannels, EqualTo, "4", true)]
    [InlineData(NodeChannels, NotEqualTo, "4", false)]
    [InlineData(NodeChannels, GreaterThan, "3", true)]
    [InlineData(NodeChannels, GreaterThan, "4", false)]
    [InlineData(NodeChannels, GreaterThanOrEqualTo, "4", true)]
    [InlineData(NodeChannels, LessThan, "4", false)]
    [InlineData(NodeChannels, LessThanOrEqualTo, "4", true)]
    [InlineData(NodeChannels, LessThanOrEqualTo, "3", false)]
    [InlineData(ParallelChannels, EqualTo, "2", true)]
    [InlineData(ParallelChannels, NotEqualTo, "0", true)]
    [InlineData(ParallelChannels, GreaterThan, "2", false)]
    [InlineData(ParallelChannels, GreaterThanOrEqualTo, "2", true)]
    [InlineData(ParallelChannels, LessThan, "1", false)]
    [InlineData(ParallelChannels, LessThan, "3", true)]
    [InlineData(ParallelChannels, LessThanOrEqualTo, "1", false)]
    [InlineData(NodeSockets, Contains, "TOR", true)]
    [InlineData(NodeSockets, Contains, "ipv4", true)]
    [InlineData(NodeSockets, Contains, "IPV6", false)]
    [InlineData(NodeSockets, DoesNotContain, "DNS", true)]
    [InlineData(NodeSockets, DoesNotContain, "TOR", false)]
    public void AConditionIsMetExactlyWhenTheBuyersFactsSatisfyIt(OfferConditionKind kind, ConditionOperator op, string value, bool met)
    {
        var condition = new OfferCondition(kind, op, value).Validated();

        Assert.Equal(met, condition.IsMetBy(Buyer));
    }

    [Theory]
    [InlineData(NodeSockets, GreaterThan, "TOR")]
    [InlineData(NodeSockets, EqualTo, "TOR")]
    [InlineData(NodeSockets, Contains, "CARRIER_PIGEON")]
    [InlineData(NodeCapacity, Contains, "1000")]
    [InlineData(NodeChannels, DoesNotContain, "1")]
    [InlineData(NodeCapacity, GreaterThan, "ten")]
    [InlineData(NodeCapacity, GreaterThan, "-1")]
    [InlineData(ParallelChannels, LessThan, "1.5")]
    public void AConditionThatDoesNotMakeSenseIsRefused(OfferConditionKind kind, ConditionOperator op, string value)
    {
        var error = Assert.Throws<Payments.Errors.MagmaException>(() => new OfferCondition(kind, op, value).Validated());

        Assert.Equal(("invalid-input", "conditions"), (error.Error.Code, error.Property));
    }

    [Theory]
    [InlineData("203.0.113.7:9735", "IPV4")]
    [InlineData("[2001:db8::1]:9735", "IPV6")]
    [InlineData("abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion:9735", "TOR")]
    [InlineData("node.example.com:9735", "DNS")]
    public void SocketsAreClassifiedByTheirHost(string socket, string kind)
    {
        Assert.Equal(kind, OfferCondition.SocketKind(socket));
    }

    [Fact]
    public void ConditionsRoundTripThroughTheirStoredForm()
    {
        IReadOnlyList<OfferCondition> conditions =
            [new(NodeCapacity, GreaterThanOrEqualTo, "10000000"), new(NodeSockets, DoesNotContain, "TOR")];

        var json = OfferCondition.Serialize(conditions);

        Assert.Contains("\"NodeCapacity\"", json);
        Assert.Equal(conditions, OfferCondition.Parse(json));
    }
}
