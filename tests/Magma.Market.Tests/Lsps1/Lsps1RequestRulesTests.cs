using Magma.Market.Lsps1;

namespace Magma.Market.Tests.Lsps1;

/// <summary>The §3.4 option rows that the default limits cannot reach over HTTP, against a stricter get_info.</summary>
public sealed class Lsps1RequestRulesTests
{
    private static readonly Lsps1Info Strict = new(MinRequiredChannelConfirmations: 2, MinFundingConfirmsWithinBlocks: 6, SupportsZeroChannelReserve: false,
        MaxChannelExpiryBlocks: 13_140, MinInitialClientBalanceSat: 10_000, MaxInitialClientBalanceSat: 100_000, MinInitialLspBalanceSat: 100_000,
        MaxInitialLspBalanceSat: 1_000_000, MinChannelBalanceSat: 150_000, MaxChannelBalanceSat: 1_050_000, Uris: []);

    private static Lsps1Request Request(ulong lsp = 200_000, ulong client = 20_000, int confirmations = 2, string? token = null, string? node = null) =>
        new(lsp, client, confirmations, 6, 144, token, null, false, node);

    [Theory]
    [InlineData(200_000UL, 5_000UL, 2, "min_initial_client_balance_sat")]
    [InlineData(100_000UL, 10_000UL, 2, "min_channel_balance_sat")]
    [InlineData(1_000_000UL, 90_000UL, 2, "max_channel_balance_sat")]
    [InlineData(200_000UL, 20_000UL, 1, "min_required_channel_confirmations")]
    public void ARequestOutsideTheAnnouncedLimitsNamesTheGetInfoField(ulong lsp, ulong client, int confirmations, string field)
    {
        var error = Assert.Throws<Lsps1Exception>(() => Lsps1RequestRules.Check(Request(lsp, client, confirmations), Strict, new Lsps1Options()));

        Assert.Equal(Lsps1Codes.OptionMismatch, error.Code);
        Assert.Equal(field, error.Property);
    }

    [Fact]
    public void ARequestWithinEveryLimitPasses()
    {
        var request = Request(lsp: 1_000_000, client: 50_000, token: "vip", node: "021111111111111111111111111111111111111111111111111111111111111111");

        Lsps1RequestRules.Check(request, Strict, new Lsps1Options { Tokens = ["vip"] });

        Assert.Equal(1_050_000UL, request.LspBalanceSat + request.ClientBalanceSat);
    }

    [Fact]
    public void TheTokenIsCheckedAfterTheLimitsAndTheClientAfterTheToken()
    {
        var options = new Lsps1Options { RejectedNodes = ["021111111111111111111111111111111111111111111111111111111111111111"] };

        var limits = Assert.Throws<Lsps1Exception>(() => Lsps1RequestRules.Check(Request(client: 1, token: "x"), Strict, options));
        var token = Assert.Throws<Lsps1Exception>(() => Lsps1RequestRules.Check(Request(token: "x", node: options.RejectedNodes[0]), Strict, options));
        var client = Assert.Throws<Lsps1Exception>(() => Lsps1RequestRules.Check(Request(node: options.RejectedNodes[0]), Strict, options));

        Assert.Equal(Lsps1Codes.OptionMismatch, limits.Code);
        Assert.Equal(Lsps1Codes.InvalidToken, token.Code);
        Assert.Equal(Lsps1Codes.ClientRejected, client.Code);
    }
}
