using Magma.Lightning.Bitcoin;
using Magma.Lightning.Encoding;

namespace Magma.Lightning.Tests.Bitcoin;

public class LegacyAddressTests
{
    private static readonly byte[] RustyHash = Convert.FromHexString("04b61f7dc1ea0dc99424464cc4064dc564d91e89");

    [Fact]
    public void WritesTheSpecsMainnetAndTestnetAddresses()
    {
        Assert.Equal("1RustyRX2oai4EYYDpQGWvEL62BBGqN9T", LegacyAddress.P2pkh(BitcoinNetwork.Mainnet, RustyHash));
        Assert.Equal("mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP", LegacyAddress.P2pkh(BitcoinNetwork.Testnet, Convert.FromHexString("3172b5654f6683c8fb146959d347ce303cae4ca7")));
        Assert.Equal("3EktnHQD7RiAE6uzMj2ZifT9YgRrkSgzQX", LegacyAddress.P2sh(BitcoinNetwork.Mainnet, Convert.FromHexString("8f55563b9a19f321c211e9b9f38cdf686ea07845")));
    }

    [Theory]
    [InlineData("mainnet", 0x00, 0x05)]
    [InlineData("testnet", 0x6f, 0xc4)]
    [InlineData("signet", 0x6f, 0xc4)]
    [InlineData("regtest", 0x6f, 0xc4)]
    [InlineData("simnet", 0x3f, 0x7b)]
    public void UsesEachNetworksVersionBytes(string networkName, int pubKeyHashVersion, int scriptHashVersion)
    {
        var network = BitcoinNetwork.FromName(networkName)!;
        var hash = Enumerable.Range(1, 20).Select(i => (byte)i).ToArray();

        var p2pkh = LegacyAddress.P2pkh(network, hash);
        var p2sh = LegacyAddress.P2sh(network, hash);

        Assert.True(Base58Check.TryDecode(p2pkh, out var payload));
        Assert.Equal(pubKeyHashVersion, payload[0]);
        Assert.True(Base58Check.TryDecode(p2sh, out payload));
        Assert.Equal(scriptHashVersion, payload[0]);
        Assert.True(LegacyAddress.TryParse(p2pkh, network, out var parsed, out var isScriptHash));
        Assert.False(isScriptHash);
        Assert.Equal(hash, parsed);
        Assert.True(LegacyAddress.TryParse(p2sh, network, out _, out isScriptHash));
        Assert.True(isScriptHash);
    }

    [Fact]
    public void RejectsAnAddressOfAnotherNetwork()
    {
        Assert.False(LegacyAddress.TryParse("1RustyRX2oai4EYYDpQGWvEL62BBGqN9T", BitcoinNetwork.Testnet, out _, out _));
    }

    [Fact]
    public void RefusesAHashThatIsNotTwentyBytes()
    {
        Assert.Throws<ArgumentException>(() => LegacyAddress.P2pkh(BitcoinNetwork.Mainnet, new byte[32]));
    }
}
