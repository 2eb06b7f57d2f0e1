using System.Net;
using System.Text.Json;

namespace Magma.Api.Tests.Lsps1;

public sealed class Lsps1GetInfoTests(Lsps1Fixture fixture) : IClassFixture<Lsps1Fixture>
{
    private Lsps1Host Host => fixture.Host;

    [Fact]
    public async Task GetInfoIsTheFlatSpecObjectWithSatsAsStringsAndCountsAsNumbers()
    {
        var info = await Host.GetInfo();

        foreach (var name in new[] { "min_required_channel_confirmations", "min_funding_confirms_within_blocks", "max_channel_expiry_blocks" })
            Assert.Equal(JsonValueKind.Number, info.GetProperty(name).ValueKind);
        foreach (var name in new[] { "min_initial_client_balance_sat", "max_initial_client_balance_sat", "min_initial_lsp_balance_sat",
                     "max_initial_lsp_balance_sat", "min_channel_balance_sat", "max_channel_balance_sat" })
            Assert.Matches("^(0|[1-9][0-9]*)$", info.GetProperty(name).GetString());
        Assert.Equal(JsonValueKind.False, info.GetProperty("supports_zero_channel_reserve").ValueKind);
        Assert.Equal("100000", info.GetProperty("min_initial_lsp_balance_sat").GetString());
        Assert.Equal("50000000", info.GetProperty("max_initial_lsp_balance_sat").GetString());
        Assert.False(info.TryGetProperty("options", out _));
    }

    [Fact]
    public async Task TheFirstUriIsTheHouseNodeAsLowerCasePubkeyAtIpv4AndPort()
    {
        var info = await Host.GetInfo();
        var nodes = await Lsps1Host.Ok(await Host.Client.GetAsync("/api/v1/sandbox/nodes"));

        var first = info.GetProperty("uris")[0].GetString()!;
        Assert.Matches("^([0-9a-f]+)@([0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+):([0-9]+)$", first);
        Assert.StartsWith(nodes[0].GetProperty("pubkey").GetString()! + "@", first);
    }

    [Theory]
    [InlineData("/api/v1/get_info")]
    [InlineData("/api/lsps1/v1/get_info")]
    [InlineData("/api/v1/lsps1/get_info")]
    [InlineData("/api/lsp/v1/recommended/get_info")]
    [InlineData("/api/lsp/v1/cheapest/get_info")]
    [InlineData("/api/v1/get_info/")]
    [InlineData("/api/lsps1/v1/get_info/")]
    public async Task EveryPrefixServesTheSameInfoWithOrWithoutATrailingSlash(string path)
    {
        var expected = await (await Host.Client.GetAsync("/api/v1/get_info")).Content.ReadAsStringAsync();

        var response = await Host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task GetInfoAlsoAnswersAPostWithAnEmptyObject()
    {
        var response = await Host.PostRaw("/api/v1/get_info", "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await Lsps1Host.Ok(response)).TryGetProperty("uris", out _));
    }
}
