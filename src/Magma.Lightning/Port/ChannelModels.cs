using Magma.Lightning.Crypto;

namespace Magma.Lightning;

public sealed record OpenChannelParams(
    PublicKey Peer,
    long LocalFundingSat,
    long PushSat = 0,
    bool Private = false,
    int? TargetConf = null,
    long? SatPerVbyte = null);

public enum OpenChannelOutcome { Pending, PeerNotConnected, CannotAffordFunding, NeedMoreConf, Rejected }

/// <summary>On <see cref="OpenChannelOutcome.Pending"/> the funding transaction is broadcast and its outpoint is known.</summary>
public sealed record OpenChannelResult(OpenChannelOutcome Outcome, OutPoint? FundingOutpoint, string? Error = null);

public enum ConnectPeerResult { Connected, AlreadyConnected, Unreachable, Self }

public sealed record LightningChannel(
    ulong ChannelId,
    OutPoint ChannelPoint,
    PublicKey RemotePubkey,
    long CapacitySat,
    long LocalBalanceSat,
    long RemoteBalanceSat,
    bool Active,
    bool Private,
    bool Initiator,
    long PushAmountSat);

public sealed record PendingChannel(
    OutPoint ChannelPoint,
    PublicKey RemotePubkey,
    long CapacitySat,
    long LocalBalanceSat,
    long RemoteBalanceSat,
    bool Private,
    bool Initiator,
    int ConfirmationsUntilActive);

public enum ChannelCloseType { Cooperative, LocalForce, RemoteForce, Breach, FundingCanceled, Abandoned }

public sealed record ClosedChannel(
    ulong ChannelId,
    OutPoint ChannelPoint,
    PublicKey RemotePubkey,
    long CapacitySat,
    int CloseHeight,
    string ClosingTxid,
    ChannelCloseType CloseType);

public sealed record RoutingPolicy(long BaseFeeMsat, long FeeRatePpm, int TimeLockDelta, long MinHtlcMsat, long MaxHtlcMsat, bool Disabled);

/// <summary>A channel as the gossip graph knows it (LND GetChanInfo), with each side's routing policy.</summary>
public sealed record ChannelEdge(
    ulong ChannelId,
    OutPoint ChannelPoint,
    PublicKey Node1,
    PublicKey Node2,
    long CapacitySat,
    bool Announced,
    RoutingPolicy? Node1Policy,
    RoutingPolicy? Node2Policy)
{
    public RoutingPolicy? PolicyOf(PublicKey node) =>
        node.Equals(Node1) ? Node1Policy : node.Equals(Node2) ? Node2Policy : null;

    public bool Connects(PublicKey a, PublicKey b) =>
        (Node1.Equals(a) && Node2.Equals(b)) || (Node1.Equals(b) && Node2.Equals(a));
}

/// <summary>
/// Public facts about any node in the graph (LND GetNodeInfo with include_channels): capacity, channel count,
/// advertised sockets, and the peer of each public channel (one entry per channel, so parallel channels repeat).
/// </summary>
public sealed record GraphNode(PublicKey Pubkey, string Alias, long TotalCapacitySat, int NumChannels, IReadOnlyList<string> Sockets, IReadOnlyList<PublicKey> ChannelPeers);
