using Magma.Lightning.Bitcoin;

namespace Magma.Lightning.Tests.Bitcoin;

// The native SegWit address vectors of BIP-350, which supersede BIP-173's for versions 1 to 16.
public class SegwitAddressBip350VectorTests
{
    [Theory]
    [InlineData("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "0014751e76e8199196d454941c45d1b3a323f1433bd6")]
    [InlineData("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7", "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262")]
    [InlineData("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y", "5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6")]
    [InlineData("BC1SW50QGDZ25J", "6002751e")]
    [InlineData("bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", "5210751e76e8199196d454941c45d1b3a323")]
    [InlineData("tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy", "0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433")]
    [InlineData("tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c", "5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433")]
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")]
    public void ParsesEachValidAddressToItsScriptPubKey(string address, string scriptPubKey)
    {
        var network = NetworkOf(address);

        Assert.True(SegwitAddress.TryParse(address, network, out var parsed, out var error), error.ToString());

        Assert.Equal(scriptPubKey, Convert.ToHexStringLower(parsed.ToScriptPubKey()));
        Assert.Equal(address.ToLowerInvariant(), parsed.Encode());
        Assert.Equal(parsed, SegwitAddress.FromProgram(network, parsed.WitnessVersion, parsed.Program));
    }

    [Theory]
    [InlineData("tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut", SegwitAddressError.UnknownPrefix)]
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", SegwitAddressError.WrongChecksumVariant)]
    [InlineData("tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf", SegwitAddressError.WrongChecksumVariant)]
    [InlineData("BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL", SegwitAddressError.WrongChecksumVariant)]
    [InlineData("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", SegwitAddressError.WrongChecksumVariant)]
    [InlineData("tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47", SegwitAddressError.WrongChecksumVariant)]
    [InlineData("bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4", SegwitAddressError.InvalidEncoding)]
    [InlineData("BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R", SegwitAddressError.InvalidWitnessVersion)]
    [InlineData("bc1pw5dgrnzv", SegwitAddressError.InvalidProgramLength)]
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav", SegwitAddressError.InvalidProgramLength)]
    [InlineData("BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P", SegwitAddressError.InvalidProgramLength)]
    [InlineData("tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq", SegwitAddressError.MixedCase)]
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf", SegwitAddressError.InvalidPadding)]
    [InlineData("tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j", SegwitAddressError.InvalidPadding)]
    [InlineData("bc1gmk9yu", SegwitAddressError.EmptyData)]
    public void RejectsEachInvalidAddressWithItsReason(string address, SegwitAddressError expected)
    {
        Assert.False(SegwitAddress.TryParse(address, NetworkOf(address), out _, out var error));
        Assert.Equal(expected, error);
    }

    internal static BitcoinNetwork NetworkOf(string address) =>
        address.StartsWith("tb", StringComparison.OrdinalIgnoreCase) ? BitcoinNetwork.Testnet : BitcoinNetwork.Mainnet;
}
