using System.Net;
using System.Text.Json;

namespace Magma.Api.Tests.Lsps1;

/// <summary>Every row of lsps1-rest.md §3.4, end to end: the code, the HTTP status and the property clients read.</summary>
public sealed class Lsps1ValidationTests(Lsps1Fixture fixture) : IClassFixture<Lsps1Fixture>
{
    private const string MainnetAddress = "bc1qvmsy0f3yyes6z9jvddk8xqwznndmdwapvrc0xrmhd3vqj5rhdrrq6hz49h";
    public const string RejectedNode = "0379be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";

    private Lsps1Host Host => fixture.Host;

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"lsp_balance_sat\":")]
    [InlineData("")]
    public async Task ABodyThatIsNotJsonIsAParseError(string body)
    {
        var error = await Error(await Host.PostRaw("/api/v1/create_order", body), HttpStatusCode.BadRequest);

        Assert.Equal(-32700, error.GetProperty("code").GetInt32());
        Assert.Equal("Parse error", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AJsonBodyThatIsNotAnObjectIsAnInvalidRequest()
    {
        var error = await Error(await Host.PostRaw("/api/v1/create_order", "[1,2]"), HttpStatusCode.BadRequest);

        Assert.Equal(-32600, error.GetProperty("code").GetInt32());
    }

    public static TheoryData<string, object?, string> InvalidFields => new()
    {
        { "lsp_balance_sat", null, "lsp_balance_sat" },
        { "lsp_balance_sat", 1000000, "lsp_balance_sat" },
        { "lsp_balance_sat", "-1", "lsp_balance_sat" },
        { "lsp_balance_sat", "1.5", "lsp_balance_sat" },
        { "lsp_balance_sat", " 1", "lsp_balance_sat" },
        { "lsp_balance_sat", "1e3", "lsp_balance_sat" },
        { "lsp_balance_sat", "0500000", "lsp_balance_sat" },
        { "lsp_balance_sat", "18446744073709551616", "lsp_balance_sat" },
        { "lsp_balance_sat", "0", "lsp_balance_sat" },
        { "client_balance_sat", null, "client_balance_sat" },
        { "client_balance_sat", 0, "client_balance_sat" },
        { "required_channel_confirmations", "6", "required_channel_confirmations" },
        { "required_channel_confirmations", 65536, "required_channel_confirmations" },
        { "funding_confirms_within_blocks", 6.5, "funding_confirms_within_blocks" },
        { "funding_confirms_within_blocks", null, "funding_confirms_within_blocks" },
        { "channel_expiry_blocks", 0, "channel_expiry_blocks" },
        { "channel_expiry_blocks", -1, "channel_expiry_blocks" },
        { "channel_expiry_blocks", "13140", "channel_expiry_blocks" },
        { "token", 42, "token" },
        { "refund_onchain_address", MainnetAddress, "refund_onchain_address" },
        { "refund_onchain_address", "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn", "refund_onchain_address" },
        { "refund_onchain_address", "not an address", "refund_onchain_address" },
        { "announce_channel", "true", "announce_channel" },
        { "announce_channel", null, "announce_channel" },
        { "public_key", "04" + "11", "public_key" },
        { "public_key", "05" + "1111111111111111111111111111111111111111111111111111111111111111", "public_key" },
        { "public_key", 12, "public_key" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task AnInvalidRequestFieldIsMinus32602NamingThatField(string field, object? value, string property)
    {
        var body = Lsps1Host.Body(Lsps1Fixture.AbsentNode);
        if (value is null)
            body.Remove(field);
        else
            body[field] = value;

        var error = await Error(await Host.PostRaw("/api/v1/create_order", Lsps1Host.Json(body)), HttpStatusCode.BadRequest);

        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Equal(property, error.GetProperty("data").GetProperty("property").GetString());
        Assert.Equal(JsonValueKind.Array, error.GetProperty("data").GetProperty("unrecognized").ValueKind);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("data").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task AnAnnounceChannelThatIsNotABooleanSaysSoAsTheSpecExampleDoes()
    {
        var body = Lsps1Host.Body(Lsps1Fixture.AbsentNode);
        body["announce_channel"] = "yes";

        var error = await Error(await Host.PostRaw("/api/v1/create_order", Lsps1Host.Json(body)), HttpStatusCode.BadRequest);

        Assert.Equal("Not a boolean", error.GetProperty("data").GetProperty("message").GetString());
    }

    public static TheoryData<string, object, string> Mismatches => new()
    {
        { "lsp_balance_sat", "99999", "min_initial_lsp_balance_sat" },
        { "lsp_balance_sat", "50000001", "max_initial_lsp_balance_sat" },
        { "lsp_balance_sat", "18446744073709551615", "max_initial_lsp_balance_sat" },
        { "client_balance_sat", "10000001", "max_initial_client_balance_sat" },
        { "funding_confirms_within_blocks", 5, "min_funding_confirms_within_blocks" },
        { "channel_expiry_blocks", 52561, "max_channel_expiry_blocks" },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public async Task ARequestOutsideGetInfoIs100NamingTheGetInfoField(string field, object value, string property)
    {
        var body = Lsps1Host.Body(Lsps1Fixture.AbsentNode);
        body[field] = value;

        var error = await Error(await Host.PostRaw("/api/v1/create_order", Lsps1Host.Json(body)), HttpStatusCode.BadRequest);

        Assert.Equal(100, error.GetProperty("code").GetInt32());
        Assert.Equal(property, error.GetProperty("data").GetProperty("property").GetString());
    }

    [Fact]
    public async Task ABoundaryRequestExactlyAtEveryLimitIsAccepted()
    {
        var info = await Host.GetInfo();
        var body = Lsps1Host.Body(Lsps1Fixture.AbsentNode);
        body["lsp_balance_sat"] = info.GetProperty("max_initial_lsp_balance_sat").GetString();
        body["required_channel_confirmations"] = info.GetProperty("min_required_channel_confirmations").GetInt32();
        body["funding_confirms_within_blocks"] = info.GetProperty("min_funding_confirms_within_blocks").GetInt32();
        body["channel_expiry_blocks"] = info.GetProperty("max_channel_expiry_blocks").GetInt32();

        var order = await Host.CreateOrder(Lsps1Host.Json(body));

        Assert.Equal("CREATED", order.GetProperty("order_state").GetString());
    }

    [Fact]
    public async Task AnUnknownTokenIs102WithEmptyData()
    {
        var body = Lsps1Host.Body(Lsps1Fixture.AbsentNode);
        body["token"] = "AlbyHub/1.19.0";

        var error = await Error(await Host.PostRaw("/api/v1/create_order", Lsps1Host.Json(body)), HttpStatusCode.BadRequest);

        Assert.Equal(102, error.GetProperty("code").GetInt32());
        Assert.Empty(error.GetProperty("data").EnumerateObject());
    }

    [Fact]
    public async Task AConfiguredTokenIsAcceptedAndMirrored()
    {
        var body = Lsps1Host.Body(Lsps1Fixture.AbsentNode);
        body["token"] = "coupon-2026";

        var order = await Host.CreateOrder(Lsps1Host.Json(body));

        Assert.Equal("coupon-2026", order.GetProperty("token").GetString());
    }

    [Fact]
    public async Task FieldErrorsComeBeforeOptionErrorsAndOptionErrorsBeforeTheToken()
    {
        var fieldFirst = Lsps1Host.Body(Lsps1Fixture.AbsentNode);
        (fieldFirst["lsp_balance_sat"], fieldFirst["announce_channel"]) = ("1", "no");
        var optionFirst = Lsps1Host.Body(Lsps1Fixture.AbsentNode);
        (optionFirst["lsp_balance_sat"], optionFirst["token"]) = ("1", "unknown");

        var field = await Error(await Host.PostRaw("/api/v1/create_order", Lsps1Host.Json(fieldFirst)), HttpStatusCode.BadRequest);
        var option = await Error(await Host.PostRaw("/api/v1/create_order", Lsps1Host.Json(optionFirst)), HttpStatusCode.BadRequest);

        Assert.Equal("announce_channel", field.GetProperty("data").GetProperty("property").GetString());
        Assert.Equal(100, option.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task ARejectedClientNodeIsError1WithAMessage()
    {
        await using var host = new Lsps1Host(new Dictionary<string, string?> { ["Lsps1:RejectedNodes:0"] = RejectedNode });

        var error = await Error(await host.PostRaw("/api/v1/create_order", Lsps1Host.Json(Lsps1Host.Body(RejectedNode))), HttpStatusCode.Forbidden);

        Assert.Equal(1, error.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("data").GetProperty("message").GetString()));
    }

    /// <summary>The error object, after checking the status and ZEUS's top-level message.</summary>
    public static async Task<JsonElement> Error(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await Lsps1Host.Ok(response, status);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
        return body.GetProperty("error");
    }
}
