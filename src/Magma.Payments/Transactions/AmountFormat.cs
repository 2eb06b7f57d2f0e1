using System.Globalization;
using Magma.Payments.Assets;

namespace Magma.Payments.Transactions;

/// <summary>
/// Public amounts are decimal strings of whole base units: sats for BTC (wallets count msat inside), micro-units
/// for the stablecoins. The payments pages promise "string-encoded integers in minor units", and clients parse
/// them with BigInt, so a BTC amount that is not a whole number of sats (a routing fee of 1,005 msat) is truncated
/// to whole sats, as LND does for its *_sat fields. Each amount is truncated on its own, so a sum of transactions can
/// differ from the balance by up to a sat per transaction with a sub-sat part; the exact msat stay in the ledger and in
/// the LNbits API, which counts msat.
/// </summary>
public static class AmountFormat
{
    public static string BaseUnits(Asset asset, long walletUnits) =>
        ToBaseUnits(asset, walletUnits).ToString(CultureInfo.InvariantCulture);

    /// <summary>Whole units as a decimal (0.001 BTC, 1.25 USDT), from the same base units as <see cref="BaseUnits"/>.</summary>
    public static string Display(Asset asset, long walletUnits)
    {
        var whole = ToBaseUnits(asset, walletUnits) / PowerOfTen(asset.Precision);
        return whole.ToString("0.###########", CultureInfo.InvariantCulture);
    }

    /// <summary>Wallet units from a base-unit amount given by a client (sats become msat for BTC).</summary>
    public static long FromBaseUnits(Asset asset, long baseUnits) => asset.IsBtc ? checked(baseUnits * 1000) : baseUnits;

    public static string MsatAsSats(long msat) => BaseUnits(AssetCatalog.Btc, msat);

    private static long ToBaseUnits(Asset asset, long walletUnits) => asset.IsBtc ? walletUnits / 1000 : walletUnits;

    private static decimal PowerOfTen(int exponent)
    {
        var power = 1m;
        for (var i = 0; i < exponent; i++)
            power *= 10;
        return power;
    }
}
