using System.Numerics;
using Magma.Payments.Assets;
using Magma.Payments.Transactions;

namespace Magma.Payments.Tests.Transactions;

public sealed class AmountFormatTests
{
    [Theory]
    [InlineData(100_000_000, "100000", "0.001")]
    [InlineData(1_005, "1", "0.00000001")]
    [InlineData(999, "0", "0")]
    [InlineData(0, "0", "0")]
    [InlineData(2_100_000_000_000_000_000, "2100000000000000", "21000000")]
    public void BtcAmountsAreWholeSatsEvenWhenTheLedgerHoldsMsat(long msat, string full, string display)
    {
        Assert.Equal(full, AmountFormat.BaseUnits(AssetCatalog.Btc, msat));
        Assert.Equal(display, AmountFormat.Display(AssetCatalog.Btc, msat));
        // The pages promise string-encoded integers: what a JS client's BigInt() accepts.
        Assert.True(BigInteger.TryParse(AmountFormat.BaseUnits(AssetCatalog.Btc, msat), System.Globalization.NumberStyles.None, null, out _));
    }

    [Fact]
    public void StablecoinAmountsAreMicroUnits()
    {
        var usdt = AssetCatalog.Usdt;
        Assert.Equal("1250000", AmountFormat.BaseUnits(usdt, 1_250_000));
        Assert.Equal("1.25", AmountFormat.Display(usdt, 1_250_000));
    }
}
