namespace Magma.Lightning.Tests.Simnet;

public sealed class SimnetChannelTests : SimnetTestBase
{
    [Fact]
    public async Task OpeningNeedsAConnectedPeer()
    {
        var seller = await NewNode("seller");
        var buyer = await NewNode("buyer");

        var refused = await seller.OpenChannel(new OpenChannelParams(buyer.Pubkey, 500_000));
        Assert.Equal(OpenChannelOutcome.PeerNotConnected, refused.Outcome);

        Assert.Equal(ConnectPeerResult.Connected, await seller.ConnectPeer(new NodeUri(buyer.Pubkey, "127.0.0.1", 9735)));
        Assert.Equal(ConnectPeerResult.AlreadyConnected, await seller.ConnectPeer(new NodeUri(buyer.Pubkey, "127.0.0.1", 9735)));
        Assert.True(await buyer.IsPeerConnected(seller.Pubkey));
        Assert.Equal(ConnectPeerResult.Unreachable, await seller.ConnectPeer(new NodeUri(Lightning.Crypto.PrivateKey.Generate().PublicKey, "10.0.0.1", 9735)));
    }

    [Fact]
    public async Task AFundingTransactionConfirmsIntoAnOpenChannel()
    {
        var seller = await NewNode("seller");
        var buyer = await NewNode("buyer");
        await seller.ConnectPeer(new NodeUri(buyer.Pubkey, "127.0.0.1", 9735));

        var opened = await seller.OpenChannel(new OpenChannelParams(buyer.Pubkey, 1_000_000, PushSat: 10_000, Private: true));
        Assert.Equal(OpenChannelOutcome.Pending, opened.Outcome);
        var point = opened.FundingOutpoint!.Value;
        Assert.Equal(0, await seller.GetTransactionConfirmations(point.Txid));
        Assert.Equal(3, Assert.Single(await buyer.ListPendingChannels()).ConfirmationsUntilActive);

        await Network.Mine(2);
        Assert.Empty(await seller.ListChannels());
        Assert.Null(await seller.FindChannel(point));
        await Network.Mine(1);

        var channel = Assert.Single(await buyer.ListChannels());
        Assert.Equal(point, channel.ChannelPoint);
        Assert.Equal(seller.Pubkey, channel.RemotePubkey);
        Assert.Equal(10_000, channel.LocalBalanceSat);
        Assert.True(channel.Private);
        Assert.False(channel.Initiator);
        var edge = await seller.FindChannel(point);
        Assert.NotNull(edge);
        Assert.False(edge.Announced);
        Assert.True(edge.Connects(seller.Pubkey, buyer.Pubkey));
        Assert.Equal(edge, await seller.GetChannelInfo(channel.ChannelId));
        Assert.Equal(3, await seller.GetTransactionConfirmations(point.Txid));
    }

    [Fact]
    public async Task OpeningRefusesWhatLndRefuses()
    {
        var seller = await NewNode("seller");
        var buyer = await NewNode("buyer");
        await seller.ConnectPeer(new NodeUri(buyer.Pubkey, "127.0.0.1", 9735));

        Assert.Equal(OpenChannelOutcome.Rejected, (await seller.OpenChannel(new OpenChannelParams(buyer.Pubkey, 19_999))).Outcome);
        Assert.Equal(OpenChannelOutcome.CannotAffordFunding, (await seller.OpenChannel(new OpenChannelParams(buyer.Pubkey, Options.InitialNodeBalanceSat))).Outcome);
    }

    [Fact]
    public async Task TheGraphReportsPublicCapacityChannelsAndSockets()
    {
        var seller = await NewNode("seller");
        var buyer = await NewNode("buyer");
        await seller.ConnectPeer(new NodeUri(buyer.Pubkey, "127.0.0.1", 9735));
        await seller.OpenChannel(new OpenChannelParams(buyer.Pubkey, 400_000));
        await seller.OpenChannel(new OpenChannelParams(buyer.Pubkey, 300_000, Private: true));
        await Network.Mine(3);

        var node = await House.GetNodeInfo(buyer.Pubkey);

        Assert.Equal(400_000, node!.TotalCapacitySat);
        Assert.Equal(1, node.NumChannels);
        Assert.Single(node.Sockets);
        Assert.Null(await House.GetNodeInfo(Lightning.Crypto.PrivateKey.Generate().PublicKey));
    }

    [Fact]
    public async Task AClosedChannelIsListedAsClosedOnceTheCloseConfirms()
    {
        var seller = await NewNode("seller");
        var buyer = await NewNode("buyer");
        await seller.ConnectPeer(new NodeUri(buyer.Pubkey, "127.0.0.1", 9735));
        var point = (await seller.OpenChannel(new OpenChannelParams(buyer.Pubkey, 400_000))).FundingOutpoint!.Value;
        await Network.Mine(3);

        Assert.True(await Network.CloseChannel(point));
        var height = await Network.Mine(1);

        var closed = Assert.Single(await buyer.ListClosedChannels());
        Assert.Equal(point, closed.ChannelPoint);
        Assert.Equal(height, closed.CloseHeight);
        Assert.Empty(await buyer.ListChannels());
    }

    [Fact]
    public async Task ChannelAndBlockStreamsReportEvents()
    {
        var seller = await NewNode("seller");
        var buyer = await NewNode("buyer");
        await seller.ConnectPeer(new NodeUri(buyer.Pubkey, "127.0.0.1", 9735));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var channelEvents = buyer.SubscribeChannelEvents(cts.Token).GetAsyncEnumerator(cts.Token);
        await using var blocks = buyer.SubscribeBlocks(cts.Token).GetAsyncEnumerator(cts.Token);
        var nextChannel = channelEvents.MoveNextAsync();
        var nextBlock = blocks.MoveNextAsync();

        await seller.OpenChannel(new OpenChannelParams(buyer.Pubkey, 400_000));
        var height = await Network.Mine(1);

        Assert.True(await nextChannel);
        Assert.Equal(ChannelEventType.PendingOpen, channelEvents.Current.Type);
        Assert.Equal(seller.Pubkey, channelEvents.Current.RemotePubkey);
        Assert.True(await nextBlock);
        Assert.Equal(height, blocks.Current.Height);
    }
}
