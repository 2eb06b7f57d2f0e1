using Magma.Lightning.Bitcoin;
using Magma.Lightning.Encoding;

namespace Magma.Lightning.Tests.Bitcoin;

// BIP-173's address vectors, read under BIP-350 (which changed the checksum of versions 1 to 16).
public class SegwitAddressBip173VectorTests
{
    [Theory]
    [InlineData("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "0014751e76e8199196d454941c45d1b3a323f1433bd6")]
    [InlineData("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7", "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262")]
    [InlineData("tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy", "0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433")]
    public void ParsesEachValidVersionZeroAddress(string address, string scriptPubKey)
    {
        Assert.True(SegwitAddress.TryParse(address, SegwitAddressBip350VectorTests.NetworkOf(address), out var parsed));
        Assert.Equal(scriptPubKey, Convert.ToHexStringLower(parsed.ToScriptPubKey()));
        Assert.Equal(address.ToLowerInvariant(), parsed.Encode());
    }

    [Theory]
    [InlineData("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx")]
    [InlineData("BC1SW50QA3JX3S")]
    [InlineData("bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj")]
    public void RejectsTheBech32EncodedHigherVersionAddressesThatBip350Replaced(string address)
    {
        Assert.True(Bech32.TryDecode(address, out var decoded, out _));
        Assert.Equal(Bech32Variant.Bech32, decoded.Variant);

        Assert.False(SegwitAddress.TryParse(address, BitcoinNetwork.Mainnet, out _, out var error));
        Assert.Equal(SegwitAddressError.WrongChecksumVariant, error);
    }

    [Theory]
    [InlineData("tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty", SegwitAddressError.UnknownPrefix)]
    [InlineData("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", SegwitAddressError.InvalidChecksum)]
    [InlineData("BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2", SegwitAddressError.InvalidWitnessVersion)]
    [InlineData("bc1rw5uspcuh", SegwitAddressError.InvalidProgramLength)]
    [InlineData("bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90", SegwitAddressError.InvalidProgramLength)]
    [InlineData("BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P", SegwitAddressError.InvalidProgramLength)]
    [InlineData("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7", SegwitAddressError.MixedCase)]
    [InlineData("bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du", SegwitAddressError.InvalidPadding)]
    [InlineData("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv", SegwitAddressError.InvalidPadding)]
    [InlineData("bc1gmk9yu", SegwitAddressError.EmptyData)]
    public void RejectsEachInvalidAddressWithItsReason(string address, SegwitAddressError expected)
    {
        Assert.False(SegwitAddress.TryParse(address, SegwitAddressBip350VectorTests.NetworkOf(address), out _, out var error));
        Assert.Equal(expected, error);
    }
}
