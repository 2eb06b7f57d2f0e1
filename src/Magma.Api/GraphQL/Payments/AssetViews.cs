using System.Globalization;
using Magma.Payments.Assets;
using Magma.Payments.Transactions;

namespace Magma.Api.GraphQL.Payments;

/// <summary>BitcoinAsset as the Rails schema shows it; stablecoin prices come from the sandbox rate.</summary>
public sealed record AssetView(Asset Asset, long BtcUsdCents)
{
    public string Id => Asset.Id;
    public string Symbol => Asset.Symbol;
    public int Precision => Asset.Precision;
    public AssetType Type => Asset.Type;
    public string Description => Asset.Name;
    public object Prices => new { usd = Asset.IsBtc ? (BtcUsdCents / 100m).ToString("0.00", CultureInfo.InvariantCulture) : "1.00" };
}

/// <summary>BitcoinAssetAmount: the base-unit string (sats for BTC) and the whole-unit display string.</summary>
public sealed record AmountView(Asset Asset, long WalletUnits, long BtcUsdCents)
{
    public string FullAmount => AmountFormat.BaseUnits(Asset, WalletUnits);
    public string DisplayAmount => AmountFormat.Display(Asset, WalletUnits);

    /// <summary>The USD value, in whole dollars with cents (BTC at the configured price; stablecoins at par).</summary>
    public object Value => new
    {
        usd_value = Asset.IsBtc
            ? (WalletUnits * BtcUsdCents / 100_000_000_000m / 100m).ToString("0.00", CultureInfo.InvariantCulture)
            : (WalletUnits / (decimal)Math.Pow(10, Asset.Precision)).ToString("0.00", CultureInfo.InvariantCulture),
    };
}
