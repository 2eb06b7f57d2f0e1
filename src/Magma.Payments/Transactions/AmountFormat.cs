using System.Globalization;
using Magma.Payments.Assets;

namespace Magma.Payments.Transactions;

/// <summary>
/// Public amounts are decimal strings in the asset's base unit: sats for BTC (wallets count msat inside),
/// micro-units for the stablecoins.
/// </summary>
public static class AmountFormat
{
    public static string BaseUnits(Asset asset, long walletUnits) =>
        asset.IsBtc ? MsatAsSats(walletUnits) : walletUnits.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whole units as a decimal (0.001 BTC, 1.25 USDT).</summary>
    public static string Display(Asset asset, long walletUnits)
    {
        var baseUnits = asset.IsBtc ? walletUnits / 1000m : walletUnits;
        var whole = baseUnits / (decimal)Math.Pow(10, asset.Precision);
        return whole.ToString("0.###########", CultureInfo.InvariantCulture);
    }

    /// <summary>Wallet units from a base-unit amount given by a client (sats become msat for BTC).</summary>
    public static long FromBaseUnits(Asset asset, long baseUnits) => asset.IsBtc ? checked(baseUnits * 1000) : baseUnits;

    public static string MsatAsSats(long msat) =>
        msat % 1000 == 0
            ? (msat / 1000).ToString(CultureInfo.InvariantCulture)
            : (msat / 1000m).ToString("0.###", CultureInfo.InvariantCulture);
}
