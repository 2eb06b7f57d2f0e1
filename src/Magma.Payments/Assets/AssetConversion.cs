using System.Globalization;

namespace Magma.Payments.Assets;

/// <summary>Integer conversions between a stablecoin's base units and millisatoshis at a BTC/USD price in cents.</summary>
public static class AssetConversion
{
    private const long MsatPerBtc = 100_000_000_000;

    /// <summary>Msat needed for <paramref name="units"/> (10^-precision USD), rounded up so the payee is never short.</summary>
    public static long ToMsat(long units, int precision, long btcUsdCents)
    {
        var numerator = (System.Numerics.BigInteger)units * MsatPerBtc * 100;
        var denominator = (System.Numerics.BigInteger)btcUsdCents * System.Numerics.BigInteger.Pow(10, precision);
        return (long)((numerator + denominator - 1) / denominator);
    }

    /// <summary>Base units of the asset worth <paramref name="msat"/>, rounded up so the wallet covers what leaves it.</summary>
    public static long FromMsat(long msat, int precision, long btcUsdCents)
    {
        var numerator = (System.Numerics.BigInteger)msat * btcUsdCents * System.Numerics.BigInteger.Pow(10, precision);
        var denominator = (System.Numerics.BigInteger)MsatPerBtc * 100;
        return (long)((numerator + denominator - 1) / denominator);
    }

    /// <summary>The rate used, as sats per one whole unit of the asset, a decimal string.</summary>
    public static string SatsPerUnit(long btcUsdCents) =>
        (100_000_000m * 100m / btcUsdCents).ToString("0.########", CultureInfo.InvariantCulture);
}
