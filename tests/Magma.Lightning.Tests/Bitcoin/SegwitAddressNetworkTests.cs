using Magma.Lightning.Bitcoin;
using Magma.Lightning.Encoding;

namespace Magma.Lightning.Tests.Bitcoin;

public class SegwitAddressNetworkTests
{
    private static readonly byte[] KeyHash = Convert.FromHexString("751e76e8199196d454941c45d1b3a323f1433bd6");
    private static readonly byte[] OutputKey = Convert.FromHexString("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");

    [Fact]
    public void AcceptsATestnetAddressForTestnetAndSignetAlike()
    {
        const string address = "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx";

        Assert.True(SegwitAddress.TryParse(address, BitcoinNetwork.Testnet, out var testnet));
        Assert.True(SegwitAddress.TryParse(address, BitcoinNetwork.Signet, out var signet));
        Assert.Equal(BitcoinNetwork.Signet, signet.Network);
        Assert.Equal(testnet.Program.ToArray(), signet.Program.ToArray());
    }

    [Theory]
    [InlineData("mainnet", "bc1q")]
    [InlineData("testnet", "tb1q")]
    [InlineData("signet", "tb1q")]
    [InlineData("regtest", "bcrt1q")]
    [InlineData("simnet", "sb1q")]
    public void EncodesWithEachNetworksPrefix(string networkName, string expectedStart)
    {
        var network = BitcoinNetwork.FromName(networkName)!;

        var address = SegwitAddress.FromProgram(network, 0, KeyHash).Encode();

        Assert.StartsWith(expectedStart, address);
        Assert.True(SegwitAddress.TryParse(address, network, out var parsed));
        Assert.Equal(KeyHash, parsed.Program.ToArray());
    }

    [Theory]
    [InlineData("regtest", "mainnet")]
    [InlineData("mainnet", "regtest")]
    [InlineData("testnet", "regtest")]
    [InlineData("regtest", "signet")]
    [InlineData("simnet", "mainnet")]
    public void ReportsAnAddressOfAnotherKnownNetworkAsWrongNetwork(string encodedFor, string parsedFor)
    {
        var address = SegwitAddress.FromProgram(BitcoinNetwork.FromName(encodedFor)!, 1, OutputKey).Encode();

        Assert.False(SegwitAddress.TryParse(address, BitcoinNetwork.FromName(parsedFor)!, out _, out var error));
        Assert.Equal(SegwitAddressError.WrongNetwork, error);
    }

    [Fact]
    public void WritesTaprootOutputsWithBech32m()
    {
        var address = SegwitAddress.FromProgram(BitcoinNetwork.Regtest, 1, OutputKey);

        Assert.True(address.IsTaproot);
        Assert.Equal(Bech32Variant.Bech32m, Bech32.Decode(address.Encode()).Variant);
        Assert.Equal(Bech32Variant.Bech32, Bech32.Decode(SegwitAddress.FromProgram(BitcoinNetwork.Regtest, 0, OutputKey).Encode()).Variant);
    }

    [Theory]
    [InlineData(17, 32)]
    [InlineData(-1, 32)]
    [InlineData(0, 25)]
    [InlineData(0, 33)]
    [InlineData(1, 1)]
    [InlineData(2, 41)]
    public void RefusesAnInvalidVersionOrProgramLength(int version, int length)
    {
        Assert.Throws<ArgumentException>(() => SegwitAddress.FromProgram(BitcoinNetwork.Mainnet, version, new byte[length]));
        Assert.False(SegwitAddress.TryFromProgram(BitcoinNetwork.Mainnet, version, new byte[length], out _));
    }

    [Fact]
    public void AllowsAnyProgramLengthFromTwoToFortyForVersionsAboveZero()
    {
        for (var length = 2; length <= 40; length++)
        {
            var address = SegwitAddress.FromProgram(BitcoinNetwork.Mainnet, 16, new byte[length]).Encode();
            Assert.True(SegwitAddress.TryParse(address, BitcoinNetwork.Mainnet, out var parsed));
            Assert.Equal(length, parsed.Program.Length);
        }
    }

    [Fact]
    public void RejectsAStringLongerThanNinetyCharacters()
    {
        var tooLong = Bech32.Encode("bc", new byte[90], Bech32Variant.Bech32m);

        Assert.False(SegwitAddress.TryParse(tooLong, BitcoinNetwork.Mainnet, out _, out var error));
        Assert.Equal(SegwitAddressError.TooLong, error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("3ektnhqd7riae6uzmj2zift9ygrrksgzqx")]
    public void RejectsStringsThatAreNotBech32(string? address)
    {
        Assert.False(SegwitAddress.TryParse(address, BitcoinNetwork.Mainnet, out _, out var error));
        Assert.Equal(SegwitAddressError.InvalidEncoding, error);
    }
}
