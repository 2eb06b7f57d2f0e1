using Magma.Lightning;
using Magma.Lightning.Crypto;

namespace Magma.Market.Offers;

/// <summary>Reads a buyer's node from the graph once, then answers per seller (parallel channels differ by seller).</summary>
public sealed class BuyerFacts(GraphNode? node, IReadOnlyList<string> extraSockets)
{
    public static async Task<BuyerFacts> Load(ILightningNode ourNode, PublicKey buyer, IReadOnlyList<string> knownSockets, CancellationToken cancellationToken = default) =>
        new(await ourNode.GetNodeInfo(buyer, cancellationToken), knownSockets);

    public BuyerNodeFacts For(string sellerPubkey)
    {
        var sockets = (node?.Sockets ?? []).Concat(extraSockets).Select(OfferCondition.SocketKind).ToHashSet();
        var parallel = node?.ChannelPeers.Count(p => p.ToHex() == sellerPubkey) ?? 0;
        return new BuyerNodeFacts(node?.TotalCapacitySat ?? 0, node?.NumChannels ?? 0, sockets, parallel);
    }
}
