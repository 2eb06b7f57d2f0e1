using System.Net;
using System.Text.Json;
using Magma.Lightning.Storage;
using Magma.Market.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Magma.Api.Tests.Lsps1;

/// <summary>lsps1-rest.md §6.3: lenient in what real clients send, strict in what comes back.</summary>
public sealed class Lsps1LenienceTests(Lsps1Fixture fixture) : IClassFixture<Lsps1Fixture>
{
    private Lsps1Host Host => fixture.Host;

    [Fact]
    public async Task UnknownKeysAreIgnored()
    {
        var body = Lsps1Host.Body(Lsps1Fixture.AbsentNode);
        body["client_info"] = new { app = "ZEUS", app_version = "0.12.0", node = "LND", node_version = "0.19.0" };
        body["channel_size_sat"] = "1000000";
        body["client_pubkey"] = "whatever";

        var order = await Host.CreateOrder(Lsps1Host.Json(body));

        Assert.Equal("CREATED", order.GetProperty("order_state").GetString());
        Assert.False(order.TryGetProperty("client_info", out _));
    }

    [Fact]
    public async Task AMissingPublicKeyIsAcceptedAtCreateTime()
    {
        var body = Lsps1Host.Body();
        body.Remove("public_key");

        var order = await Host.CreateOrder(Lsps1Host.Json(body));

        Assert.Equal("EXPECT_PAYMENT", order.GetProperty("payment").GetProperty("bolt11").GetProperty("state").GetString());
    }

    [Fact]
    public async Task KaleidoswapsClientPubkeyStandsInForAMissingPublicKey()
    {
        var body = Lsps1Host.Body(Lsps1Fixture.AbsentNode);
        body.Remove("public_key");
        body["client_pubkey"] = Lsps1Fixture.AbsentNode.ToUpperInvariant();

        var order = await Host.CreateOrder(Lsps1Host.Json(body));

        Assert.Equal("CREATED", order.GetProperty("order_state").GetString());
        var orderId = order.GetProperty("order_id").GetString();
        await using var db = Host.App.Services.GetRequiredService<SqliteDatabase>().Read<MarketDbContext>();
        Assert.Equal(Lsps1Fixture.AbsentNode, (await db.Orders.SingleAsync(o => o.Id == orderId)).BuyerPubkey);
    }

    [Theory]
    [InlineData("public_key")]
    [InlineData("client_pubkey")]
    public async Task ANodeIdOffTheCurveIsRefusedNamingItsField(string field)
    {
        var body = Lsps1Host.Body();
        body.Remove("public_key");
        // 02 followed by x = 5: x³ + 7 = 132 is not a square mod p, so no point has this x.
        body[field] = "02" + new string('0', 63) + "5";

        var error = await Lsps1Host.Ok(await Host.PostRaw("/api/v1/create_order", Lsps1Host.Json(body)), HttpStatusCode.BadRequest);

        Assert.Equal(-32602, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(field, error.GetProperty("error").GetProperty("data").GetProperty("property").GetString());
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    public async Task AnEmptyOrNullRefundAddressMeansNoOnchainOption(string value)
    {
        var body = Lsps1Host.Json(Lsps1Host.Body(Lsps1Fixture.AbsentNode)).TrimEnd('}') + ",\"refund_onchain_address\":" + value + "}";

        var order = await Host.CreateOrder(body);

        Assert.False(order.GetProperty("payment").TryGetProperty("onchain", out _));
    }

    [Theory]
    [InlineData("\"token\":null,")]
    [InlineData("\"token\":\"\",")]
    [InlineData("")]
    public async Task ANullEmptyOrAbsentTokenIsMirroredAsAnEmptyString(string token)
    {
        var body = "{" + token + "\"lsp_balance_sat\":\"200000\",\"client_balance_sat\":\"0\",\"required_channel_confirmations\":0,"
            + "\"funding_confirms_within_blocks\":6,\"channel_expiry_blocks\":144,\"announce_channel\":true}";

        var order = await Host.CreateOrder(body);

        Assert.Equal(JsonValueKind.String, order.GetProperty("token").ValueKind);
        Assert.Equal("", order.GetProperty("token").GetString());
    }

    [Fact]
    public async Task ANodeThatIsNotConnectedCanStillOrder()
    {
        var order = await Host.CreateOrder(Lsps1Host.Json(Lsps1Host.Body(Lsps1Fixture.AbsentNode)));

        Assert.Equal("CREATED", order.GetProperty("order_state").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task TheBodyIsReadWhateverContentTypeItCarries(string contentType)
    {
        var response = await Host.PostRaw("/api/v1/create_order", Lsps1Host.Json(Lsps1Host.Body(Lsps1Fixture.AbsentNode)), contentType);

        Assert.Equal("CREATED", (await Lsps1Host.Ok(response)).GetProperty("order_state").GetString());
    }

    [Fact]
    public async Task AGetOrderWithAJsonContentTypeAndNoBodyIsServed()
    {
        var created = await Host.CreateOrder(Lsps1Host.Json(Lsps1Host.Body(Lsps1Fixture.AbsentNode)));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/get_order?order_id={created.GetProperty("order_id").GetString()}")
        {
            Content = new StringContent("", System.Text.Encoding.UTF8, "application/json"),
        };

        var order = await Lsps1Host.Ok(await Host.Client.SendAsync(request));

        Assert.Equal(created.GetProperty("order_id").GetString(), order.GetProperty("order_id").GetString());
    }

    [Fact]
    public async Task TheOrderMirrorsTheRequestWithStrictWireTypes()
    {
        var body = Lsps1Host.Body(Lsps1Fixture.AbsentNode);
        (body["lsp_balance_sat"], body["client_balance_sat"], body["announce_channel"]) = ("1500000", "25000", true);

        var order = await Host.CreateOrder(Lsps1Host.Json(body));

        Assert.Matches("^[0-9a-f-]{36}$", order.GetProperty("order_id").GetString());
        Assert.Equal("1500000", order.GetProperty("lsp_balance_sat").GetString());
        Assert.Equal("25000", order.GetProperty("client_balance_sat").GetString());
        Assert.Equal(0, order.GetProperty("required_channel_confirmations").GetInt32());
        Assert.Equal(6, order.GetProperty("funding_confirms_within_blocks").GetInt32());
        Assert.Equal(13140, order.GetProperty("channel_expiry_blocks").GetInt32());
        Assert.True(order.GetProperty("announce_channel").GetBoolean());
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$", order.GetProperty("created_at").GetString());
        var bolt11 = order.GetProperty("payment").GetProperty("bolt11");
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$", bolt11.GetProperty("expires_at").GetString());
        Assert.Equal(long.Parse(bolt11.GetProperty("fee_total_sat").GetString()!) + 25_000, long.Parse(bolt11.GetProperty("order_total_sat").GetString()!));
        Assert.StartsWith("lnbcrt", bolt11.GetProperty("invoice").GetString());
        Assert.Equal(JsonValueKind.Null, order.GetProperty("channel").ValueKind);
        Assert.False(order.GetProperty("payment").TryGetProperty("bolt12", out _));
    }

    [Fact]
    public async Task TheFeeIsTheHouseSellersPriceForTheLspBalance()
    {
        var body = Lsps1Host.Body(Lsps1Fixture.AbsentNode);
        body["lsp_balance_sat"] = "2000000";

        var order = await Host.CreateOrder(Lsps1Host.Json(body));

        // Market:HouseSeller defaults: base 1000 sats plus 5000 ppm of the size.
        Assert.Equal("11000", order.GetProperty("payment").GetProperty("bolt11").GetProperty("fee_total_sat").GetString());
    }
}
