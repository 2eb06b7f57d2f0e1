namespace Magma.Market.Data;

public sealed class MarketSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
