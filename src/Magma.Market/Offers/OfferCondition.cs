using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Magma.Market.Errors;

namespace Magma.Market.Offers;

public enum OfferConditionKind { NodeCapacity, NodeChannels, NodeSockets, ParallelChannels }

public enum ConditionOperator { Contains, DoesNotContain, EqualTo, GreaterThan, GreaterThanOrEqualTo, LessThan, LessThanOrEqualTo, NotEqualTo }

/// <summary>A rule a buyer's node must meet for an offer, as Magma writes it: NODE_CAPACITY GREATER_THAN 10000000.</summary>
public sealed record OfferCondition(
    [property: JsonConverter(typeof(JsonStringEnumConverter<OfferConditionKind>))] OfferConditionKind Condition,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ConditionOperator>))] ConditionOperator Operator,
    string Value)
{
    /// <summary>The socket kinds NODE_SOCKETS compares against.</summary>
    public static readonly IReadOnlyList<string> SocketKinds = ["IPV4", "IPV6", "TOR", "DNS"];

    public static string Serialize(IReadOnlyList<OfferCondition> conditions) => JsonSerializer.Serialize(conditions);

    public static IReadOnlyList<OfferCondition> Parse(string json) => JsonSerializer.Deserialize<List<OfferCondition>>(json) ?? [];

    /// <summary>Numbers take the six comparisons; NODE_SOCKETS takes CONTAINS or DOES_NOT_CONTAIN a socket kind.</summary>
    public OfferCondition Validated()
    {
        if (Condition == OfferConditionKind.NodeSockets)
        {
            if (Operator is not (ConditionOperator.Contains or ConditionOperator.DoesNotContain))
                throw MarketErrors.Invalid("NODE_SOCKETS takes CONTAINS or DOES_NOT_CONTAIN.", "conditions");
            var kind = Value.Trim().ToUpperInvariant();
            if (!SocketKinds.Contains(kind))
                throw MarketErrors.Invalid($"NODE_SOCKETS compares against one of {string.Join(", ", SocketKinds)}.", "conditions");
            return this with { Value = kind };
        }
        if (Operator is ConditionOperator.Contains or ConditionOperator.DoesNotContain)
            throw MarketErrors.Invalid($"{Condition} takes a numeric comparison, not {Operator}.", "conditions");
        if (!long.TryParse(Value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            throw MarketErrors.Invalid($"{Condition} needs a whole, non-negative number.", "conditions");
        return this;
    }

    public bool IsMetBy(BuyerNodeFacts facts)
    {
        if (Condition == OfferConditionKind.NodeSockets)
        {
            var has = facts.SocketKinds.Contains(Value);
            return Operator == ConditionOperator.Contains ? has : !has;
        }
        var actual = Condition switch
        {
            OfferConditionKind.NodeCapacity => facts.CapacitySat,
            OfferConditionKind.NodeChannels => facts.Channels,
            _ => facts.ParallelChannels,
        };
        var expected = long.Parse(Value, CultureInfo.InvariantCulture);
        return Operator switch
        {
            ConditionOperator.EqualTo => actual == expected,
            ConditionOperator.NotEqualTo => actual != expected,
            ConditionOperator.GreaterThan => actual > expected,
            ConditionOperator.GreaterThanOrEqualTo => actual >= expected,
            ConditionOperator.LessThan => actual < expected,
            _ => actual <= expected,
        };
    }

    public static string SocketKind(string socket)
    {
        var host = socket.StartsWith('[') ? socket[1..socket.IndexOf(']')] : socket[..Math.Max(0, socket.LastIndexOf(':'))];
        if (host.EndsWith(".onion", StringComparison.OrdinalIgnoreCase))
            return "TOR";
        if (IPAddress.TryParse(host, out var ip))
            return ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IPV6" : "IPV4";
        return "DNS";
    }
}

/// <summary>What the graph says about a buyer's node, relative to one seller.</summary>
public sealed record BuyerNodeFacts(long CapacitySat, long Channels, IReadOnlySet<string> SocketKinds, long ParallelChannels);
