using Magma.Lightning.Simnet.Data;

namespace Magma.Lightning.Simnet.Routing;

/// <summary>
/// Finds a route through open Simnet channels with enough balance, shortest first, charging each
/// forwarding node the policy of the channel it forwards over. Falls back to the ambient hub when allowed.
/// </summary>
internal static class SimnetRouter
{
    private const int MaxHops = 5;

    public static Route? Find(string source, string destination, long amountMsat, IReadOnlyList<SimChannel> openChannels, SimnetOptions options)
    {
        foreach (var path in CandidatePaths(source, destination, openChannels))
        {
            var route = Price(path, source, amountMsat);
            if (route is not null)
                return route;
        }
        if (!options.AmbientRouting)
            return null;
        return new Route([], options.AmbientFeeBaseMsat + amountMsat * options.AmbientFeePpm / 1_000_000);
    }

    /// <summary>Walks the path backwards from the destination, adding each forwarder's fee, and checks balances.</summary>
    private static Route? Price(IReadOnlyList<SimChannel> path, string source, long amountMsat)
    {
        var senders = new string[path.Count];
        var node = source;
        for (var i = 0; i < path.Count; i++)
        {
            senders[i] = node;
            node = path[i].RemoteOf(node);
        }

        var hops = new RouteHop[path.Count];
        var amount = amountMsat;
        for (var i = path.Count - 1; i >= 0; i--)
        {
            var channel = path[i];
            if (channel.LocalBalanceMsat(senders[i]) < amount)
                return null;
            hops[i] = new RouteHop(channel.ChannelPoint, senders[i], amount);
            if (i > 0)
                amount += ForwardingFee(channel, senders[i], amount);
        }
        return new Route(hops, amount - amountMsat);
    }

    private static long ForwardingFee(SimChannel channel, string forwarder, long amountMsat) =>
        channel.OpenerPubkey == forwarder
            ? channel.OpenerBaseFeeMsat + amountMsat * channel.OpenerFeeRatePpm / 1_000_000
            : channel.PeerBaseFeeMsat + amountMsat * channel.PeerFeeRatePpm / 1_000_000;

    /// <summary>Breadth-first enumeration of loop-free paths, so shorter routes are tried first.</summary>
    private static IEnumerable<IReadOnlyList<SimChannel>> CandidatePaths(string source, string destination, IReadOnlyList<SimChannel> channels)
    {
        var queue = new Queue<(string Node, List<SimChannel> Path, HashSet<string> Seen)>();
        queue.Enqueue((source, [], [source]));
        while (queue.Count > 0)
        {
            var (node, path, seen) = queue.Dequeue();
            if (path.Count == MaxHops)
                continue;
            foreach (var channel in channels)
            {
                if (!channel.Involves(node))
                    continue;
                var next = channel.RemoteOf(node);
                if (seen.Contains(next))
                    continue;
                var extended = new List<SimChannel>(path) { channel };
                if (next == destination)
                {
                    yield return extended;
                    continue;
                }
                queue.Enqueue((next, extended, [.. seen, next]));
            }
        }
    }
}
