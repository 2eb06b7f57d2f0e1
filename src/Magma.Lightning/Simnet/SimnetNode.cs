using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Magma.Lightning.Bitcoin;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Crypto;
using Magma.Lightning.Messages;
using Magma.Lightning.Simnet.Data;

namespace Magma.Lightning.Simnet;

/// <summary>One Simnet node seen through the engine's <see cref="ILightningNode"/> port.</summary>
public sealed class SimnetNode : ILightningNode
{
    private readonly SimnetNetwork _network;
    private readonly string _pubkey;

    internal SimnetNode(SimnetNetwork network, PublicKey pubkey)
    {
        _network = network;
        Pubkey = pubkey;
        _pubkey = pubkey.ToHex();
    }

    public BitcoinNetwork Network => _network.Network;

    public PublicKey Pubkey { get; }

    public async Task<NodeInfo> GetInfo(CancellationToken cancellationToken = default)
    {
        var nodes = await _network.ListNodes();
        var self = nodes.First(n => n.Pubkey == _pubkey);
        var active = await _network.ChannelsOf(_pubkey, SimChannelState.Open);
        var pending = await _network.ChannelsOf(_pubkey, SimChannelState.PendingOpen);
        return new NodeInfo(Pubkey, self.Alias, Network, await _network.Height(), await _network.TipHash(),
            [$"{_pubkey}@{self.Host}:{self.Port}"], active.Count, pending.Count, NumPeers: 0, SyncedToChain: true);
    }

    public async Task<CreatedInvoice> CreateInvoice(CreateInvoiceParams request, CancellationToken cancellationToken = default)
    {
        var preimage = request.Preimage?.ToLowerInvariant() ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        if (!Hex.TryDecode(preimage, out var preimageBytes) || preimageBytes.Length != 32)
            throw new ArgumentException("The preimage must be 32 bytes of hex.", nameof(request));
        var hash = Convert.ToHexStringLower(SHA256.HashData(preimageBytes));
        var result = await _network.AddInvoice(_pubkey, hash, preimage, request.AmountMsat, request.Memo, request.DescriptionHash,
            request.Expiry, cltvExpiry: null, request.PrivateRouteHints);
        // Only a caller-chosen preimage can collide, and reusing one is a caller bug (LND errors too).
        return result.Invoice ?? throw new InvalidOperationException("invoice with payment hash already exists");
    }

    public Task<CreateInvoiceResult> CreateHoldInvoice(CreateHoldInvoiceParams request, CancellationToken cancellationToken = default) =>
        _network.AddInvoice(_pubkey, request.PaymentHash.ToLowerInvariant(), preimage: null, request.AmountMsat, request.Memo,
            request.DescriptionHash, request.Expiry, request.CltvExpiry, request.PrivateRouteHints);

    public Task<SettleInvoiceResult> SettleInvoice(string preimage, CancellationToken cancellationToken = default) =>
        _network.SettleHoldInvoice(_pubkey, preimage);

    public Task<CancelInvoiceResult> CancelInvoice(string paymentHash, CancellationToken cancellationToken = default) =>
        _network.CancelInvoice(_pubkey, paymentHash);

    public Task<LightningInvoice?> LookupInvoice(string paymentHash, CancellationToken cancellationToken = default) =>
        _network.LookupInvoice(_pubkey, paymentHash);

    public async IAsyncEnumerable<LightningInvoice> SubscribeInvoices([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in _network.Events.Subscribe<SimInvoiceUpdated>(u => u.NodePubkey == _pubkey, cancellationToken))
            yield return update.Invoice;
    }

    public Task<PayResult> Pay(PayInvoiceParams request, CancellationToken cancellationToken = default) =>
        _network.Pay(_pubkey, request, cancellationToken);

    public Task<LightningPayment?> GetPayment(string paymentHash, CancellationToken cancellationToken = default) =>
        _network.GetPayment(_pubkey, paymentHash);

    public Task<Bolt11DecodeResult> DecodeInvoice(string paymentRequest, CancellationToken cancellationToken = default) =>
        Task.FromResult(Bolt11Decoder.Decode(paymentRequest, Network));

    public Task<ConnectPeerResult> ConnectPeer(NodeUri peer, CancellationToken cancellationToken = default) =>
        _network.ConnectPeer(_pubkey, peer.Pubkey.ToHex());

    public Task<bool> IsPeerConnected(PublicKey peer, CancellationToken cancellationToken = default) =>
        _network.IsPeerConnected(_pubkey, peer.ToHex());

    public Task<OpenChannelResult> OpenChannel(OpenChannelParams request, CancellationToken cancellationToken = default) =>
        _network.OpenChannel(_pubkey, request);

    public Task<IReadOnlyList<LightningChannel>> ListChannels(CancellationToken cancellationToken = default) =>
        _network.ListChannels(_pubkey);

    public Task<IReadOnlyList<PendingChannel>> ListPendingChannels(CancellationToken cancellationToken = default) =>
        _network.ListPendingChannels(_pubkey);

    public Task<IReadOnlyList<ClosedChannel>> ListClosedChannels(CancellationToken cancellationToken = default) =>
        _network.ListClosedChannels(_pubkey);

    public Task<ChannelEdge?> GetChannelInfo(ulong channelId, CancellationToken cancellationToken = default) =>
        _network.FindEdge(q => q.Where(c => c.ChannelId == (long)channelId));

    public Task<ChannelEdge?> FindChannel(OutPoint channelPoint, CancellationToken cancellationToken = default)
    {
        var point = channelPoint.ToString();
        return _network.FindEdge(q => q.Where(c => c.ChannelPoint == point));
    }

    public Task<int> GetBlockHeight(CancellationToken cancellationToken = default) => _network.Height();

    public Task<int?> GetTransactionConfirmations(string txid, CancellationToken cancellationToken = default) =>
        _network.TransactionConfirmations(txid);

    public Task<GraphNode?> GetNodeInfo(PublicKey pubkey, CancellationToken cancellationToken = default) =>
        _network.GetGraphNode(pubkey.ToHex());

    public Task<string> NewAddress(CancellationToken cancellationToken = default) => _network.NewAddress(_pubkey);

    public Task<WalletBalance> GetWalletBalance(CancellationToken cancellationToken = default) => _network.GetWalletBalance(_pubkey);

    public Task<SendCoinsResult> SendCoins(string address, long amountSat, long satPerVbyte, CancellationToken cancellationToken = default) =>
        _network.SendCoins(_pubkey, address, amountSat, satPerVbyte);

    public Task<IReadOnlyList<WalletTransaction>> ListWalletTransactions(CancellationToken cancellationToken = default) =>
        _network.ListWalletTransactions(_pubkey);

    public Task<long> EstimateFeeRate(int targetConf, CancellationToken cancellationToken = default) =>
        Task.FromResult(SimnetChain.FeeRateFor(targetConf));

    public async IAsyncEnumerable<ChannelEvent> SubscribeChannelEvents([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in _network.Events.Subscribe<SimChannelUpdated>(u => u.NodePubkey == _pubkey, cancellationToken))
            yield return update.Event;
    }

    /// <summary>LND's signmessage: the node's key signs a message (used to prove control of a node).</summary>
    public async Task<string> SignMessage(string message) => MessageSigner.Sign(message, await _network.KeyOf(_pubkey));

    public IAsyncEnumerable<BlockEpoch> SubscribeBlocks(CancellationToken cancellationToken = default) =>
        _network.Events.Subscribe<BlockEpoch>(_ => true, cancellationToken);
}
