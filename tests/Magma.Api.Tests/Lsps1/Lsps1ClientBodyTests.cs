namespace Magma.Api.Tests.Lsps1;

/// <summary>
/// The exact bodies real clients send (lsps1-rest.md §3.3), with only their placeholders filled in: a real node id
/// and, where a client sends one, a refund address of this network.
/// </summary>
public sealed class Lsps1ClientBodyTests(Lsps1Fixture fixture) : IClassFixture<Lsps1Fixture>
{
    private Lsps1Host Host => fixture.Host;

    [Fact]
    public async Task AlbyHubsBodyIsAccepted()
    {
        var node = await Host.NewNode("alby");
        var refund = await Host.NewAddress(node);
        var body = """
            {"public_key":"NODE","lsp_balance_sat":"1000000","client_balance_sat":"0",
             "required_channel_confirmations":0,"funding_confirms_within_blocks":6,
             "channel_expiry_blocks":13000,"token":"","refund_onchain_address":"REFUND",
             "announce_channel":false}
            """.Replace("NODE", node).Replace("REFUND", refund);

        var order = await Host.CreateOrder(body);

        Assert.Equal("CREATED", order.GetProperty("order_state").GetString());
        Assert.Equal(refund, order.GetProperty("payment").GetProperty("onchain").GetProperty("refund_onchain_address").GetString());
    }

    [Fact]
    public async Task ZeusBodyWithClientInfoAndAnEmptyRefundAddressIsAccepted()
    {
        var node = await Host.NewNode("zeus");
        var body = """
            {"lsp_balance_sat":"100000","client_balance_sat":"0","required_channel_confirmations":3,
             "funding_confirms_within_blocks":6,"channel_expiry_blocks":13140,"token":"",
             "refund_onchain_address":"","announce_channel":false,
             "public_key":"NODE","client_info":{"app":"ZEUS","app_version":"0.11.0","node":"LND","node_version":"0.19.1-beta"}}
            """.Replace("NODE", node);

        var order = await Host.CreateOrder(body);

        Assert.Equal(3, order.GetProperty("required_channel_confirmations").GetInt32());
        Assert.False(order.GetProperty("payment").TryGetProperty("onchain", out _));
    }

    [Fact]
    public async Task BtcpayMegalithPluginsBodyIsAcceptedOnItsPrefix()
    {
        var node = await Host.NewNode("btcpay");
        var body = """
            {"public_key":"NODE","lsp_balance_sat":"1000000","client_balance_sat":"0",
             "required_channel_confirmations":1,"funding_confirms_within_blocks":6,
             "channel_expiry_blocks":13140,"token":"","announce_channel":true}
            """.Replace("NODE", node);

        var order = await Host.CreateOrder(body, "/api/lsps1/v1");
        var polled = await Host.GetOrder(order.GetProperty("order_id").GetString()!, "/api/lsps1/v1");

        Assert.Equal("CREATED", polled.GetProperty("order_state").GetString());
        Assert.True(polled.GetProperty("announce_channel").GetBoolean());
    }

    [Fact]
    public async Task LqwdsBodyWithNullTokenAndNullRefundAddressIsAccepted()
    {
        var node = await Host.NewNode("lqwd");
        var body = """
            {"lsp_balance_sat":"500000","client_balance_sat":"0","required_channel_confirmations":1,
             "funding_confirms_within_blocks":6,"channel_expiry_blocks":4320,"token":null,
             "refund_onchain_address":null,"announce_channel":false,"public_key":"NODE"}
            """.Replace("NODE", node);

        var order = await Host.CreateOrder(body);

        Assert.Equal("", order.GetProperty("token").GetString());
        Assert.False(order.GetProperty("payment").TryGetProperty("onchain", out _));
    }

    [Fact]
    public async Task ThePriceBoardsQuoteWithADummyNodeAndChannelSizeIsAccepted()
    {
        var body = """
            {"public_key":"0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798","lsp_balance_sat":"1000000",
             "client_balance_sat":"0","required_channel_confirmations":0,"funding_confirms_within_blocks":6,
             "channel_expiry_blocks":13140,"announce_channel":false,"channel_size_sat":"1000000"}
            """;

        var order = await Host.CreateOrder(body);

        Assert.Equal("EXPECT_PAYMENT", order.GetProperty("payment").GetProperty("bolt11").GetProperty("state").GetString());
    }
}
