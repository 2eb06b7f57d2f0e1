namespace Magma.Market.Pricing;

/// <summary>Where the BTC/USD price comes from. The default is a static configured price; a live feed can replace it.</summary>
public interface IBtcUsdPrice
{
    /// <summary>US cents per whole bitcoin.</summary>
    Task<long> UsdCentsPerBtc(CancellationToken cancellationToken = default);
}

public sealed class StaticBtcUsdPrice(Microsoft.Extensions.Options.IOptions<MarketOptions> options) : IBtcUsdPrice
{
    public Task<long> UsdCentsPerBtc(CancellationToken cancellationToken = default) =>
        Task.FromResult((long)decimal.Round(options.Value.Price.BtcUsd * 100m));
}
