using Magma.Lightning.Bitcoin;
using Magma.Lightning.Crypto;

namespace Magma.Lightning;

/// <summary>What LND's GetInfo tells about our own node.</summary>
public sealed record NodeInfo(
    PublicKey IdentityPubkey,
    string Alias,
    BitcoinNetwork Network,
    int BlockHeight,
    string BlockHash,
    IReadOnlyList<string> Uris,
    int NumActiveChannels,
    int NumPendingChannels,
    int NumPeers,
    bool SyncedToChain);
