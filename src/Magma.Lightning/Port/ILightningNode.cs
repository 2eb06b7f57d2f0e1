using Magma.Lightning.Bitcoin;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Crypto;

namespace Magma.Lightning;

/// <summary>
/// The engine's view of one Lightning node. It is shaped on what LND's REST gateway offers
/// (GetInfo, AddInvoice/AddHoldInvoice/Settle/Cancel, SendPaymentV2/TrackPaymentV2, OpenChannelSync,
/// channel lists, GetChanInfo/GetNodeInfo, wallet calls and the subscription streams), so the
/// Simnet adapter and an LND adapter are interchangeable. Outcomes a caller must handle, such as a
/// peer that is not connected, no route, or an invoice already paid, come back as result values;
/// exceptions mean the node could not be reached or a bug.
/// </summary>
public interface ILightningNode
{
    /// <summary>The chain this node runs on; invoices it issues use this network's prefix.</summary>
    BitcoinNetwork Network { get; }

    PublicKey Pubkey { get; }

    Task<NodeInfo> GetInfo(CancellationToken cancellationToken = default);

    // Invoices

    Task<CreatedInvoice> CreateInvoice(CreateInvoiceParams request, CancellationToken cancellationToken = default);

    Task<CreateInvoiceResult> CreateHoldInvoice(CreateHoldInvoiceParams request, CancellationToken cancellationToken = default);

    Task<SettleInvoiceResult> SettleInvoice(string preimage, CancellationToken cancellationToken = default);

    Task<CancelInvoiceResult> CancelInvoice(string paymentHash, CancellationToken cancellationToken = default);

    /// <summary>Null when the node has no invoice with this hash.</summary>
    Task<LightningInvoice?> LookupInvoice(string paymentHash, CancellationToken cancellationToken = default);

    /// <summary>Every state change of every invoice, ACCEPTED and CANCELED included, from now on.</summary>
    IAsyncEnumerable<LightningInvoice> SubscribeInvoices(CancellationToken cancellationToken = default);

    // Payments

    /// <summary>Pays a BOLT11 invoice and waits for a terminal state up to the request's timeout.</summary>
    Task<PayResult> Pay(PayInvoiceParams request, CancellationToken cancellationToken = default);

    /// <summary>Tracks an outgoing payment by hash; null when it was never initiated.</summary>
    Task<LightningPayment?> GetPayment(string paymentHash, CancellationToken cancellationToken = default);

    /// <summary>Decodes a payment request the way the node would, including its own network check.</summary>
    Task<Bolt11DecodeResult> DecodeInvoice(string paymentRequest, CancellationToken cancellationToken = default);

    // Peers and channels

    Task<ConnectPeerResult> ConnectPeer(NodeUri peer, CancellationToken cancellationToken = default);

    Task<bool> IsPeerConnected(PublicKey peer, CancellationToken cancellationToken = default);

    Task<OpenChannelResult> OpenChannel(OpenChannelParams request, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LightningChannel>> ListChannels(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PendingChannel>> ListPendingChannels(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ClosedChannel>> ListClosedChannels(CancellationToken cancellationToken = default);

    /// <summary>The graph's view of a channel by short channel id, with both routing policies.</summary>
    Task<ChannelEdge?> GetChannelInfo(ulong channelId, CancellationToken cancellationToken = default);

    /// <summary>The graph's view of a channel by its funding outpoint.</summary>
    Task<ChannelEdge?> FindChannel(OutPoint channelPoint, CancellationToken cancellationToken = default);

    // Chain and graph

    Task<int> GetBlockHeight(CancellationToken cancellationToken = default);

    /// <summary>0 while in the mempool, null when the transaction is unknown.</summary>
    Task<int?> GetTransactionConfirmations(string txid, CancellationToken cancellationToken = default);

    /// <summary>Public facts about any node: capacity, channel count and sockets. Null when unknown to the graph.</summary>
    Task<GraphNode?> GetNodeInfo(PublicKey pubkey, CancellationToken cancellationToken = default);

    // On-chain wallet

    Task<string> NewAddress(CancellationToken cancellationToken = default);

    Task<WalletBalance> GetWalletBalance(CancellationToken cancellationToken = default);

    Task<SendCoinsResult> SendCoins(string address, long amountSat, long satPerVbyte, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WalletTransaction>> ListWalletTransactions(CancellationToken cancellationToken = default);

    /// <summary>Fee rate in sat/vB expected to confirm within the target number of blocks.</summary>
    Task<long> EstimateFeeRate(int targetConf, CancellationToken cancellationToken = default);

    // Event streams, each starting from the moment of subscription.

    IAsyncEnumerable<ChannelEvent> SubscribeChannelEvents(CancellationToken cancellationToken = default);

    IAsyncEnumerable<BlockEpoch> SubscribeBlocks(CancellationToken cancellationToken = default);
}
