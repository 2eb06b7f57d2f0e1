using Magma.Market.Lsps1;

namespace Magma.Market.Tests.Lsps1;

public sealed class Lsps1InfoTests
{
    private static readonly MarketOptions.HouseSellerOptions House = new();
    private const string Node = "02B3B5A3C1E0A2F4D6C8E0A2B4C6D8E0F2A4C6E8A0C2E4A6C8E0A2C4E6A8C0E2F4";

    [Fact]
    public void UnsetLspLimitsFollowTheHouseOffersSizes()
    {
        var info = Lsps1Info.Build(new Lsps1Options(), House, [$"{Node}@127.0.0.1:9735"]);

        Assert.Equal(House.MinSizeSat, info.MinInitialLspBalanceSat);
        Assert.Equal(House.MaxSizeSat, info.MaxInitialLspBalanceSat);
        Assert.Equal(House.MinSizeSat, info.MinChannelBalanceSat);
        Assert.Equal(House.MaxSizeSat + 10_000_000, info.MaxChannelBalanceSat);
    }

    [Theory]
    [InlineData("MinInitialClientBalanceSat", 20_000_000, "min_initial_client_balance_sat")]
    [InlineData("MinChannelBalanceSat", 999_999_999, "min_channel_balance_sat")]
    [InlineData("MaxInitialLspBalanceSat", 99_999, "min_initial_lsp_balance_sat")]
    public void StartUpRefusesAMinimumAboveItsMaximum(string setting, long value, string named)
    {
        var options = new Lsps1Options();
        typeof(Lsps1Options).GetProperty(setting)!.SetValue(options, setting == "MinInitialClientBalanceSat" ? value : (long?)value);

        var error = Assert.Throws<InvalidOperationException>(() => Lsps1Info.Build(options, House, []));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void StartUpRefusesAnLspRangeTheHouseOfferCannotServe()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Lsps1Info.Build(new Lsps1Options { MaxInitialLspBalanceSat = House.MaxSizeSat + 1 }, House, []));

        Assert.Contains("house offer", error.Message);
    }

    [Fact]
    public void StartUpRefusesAZeroFundingTarget()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Lsps1Info.Build(new Lsps1Options { MinFundingConfirmsWithinBlocks = 0 }, House, []));

        Assert.Contains("min_funding_confirms_within_blocks", error.Message);
    }

    [Fact]
    public void TheFirstUriIsALowerCaseIpv4One()
    {
        var uris = Lsps1Info.OrderUris([$"{Node}@abcdefghijklmnop.onion:9735", $"{Node}@[2001:db8::1]:9735", $"{Node}@203.0.113.7:9735"]);

        Assert.Equal($"{Node.ToLowerInvariant()}@203.0.113.7:9735", uris[0]);
        Assert.Equal(3, uris.Count);
    }
}
