using Magma.Lightning.Encoding;

namespace Magma.Lightning.Bitcoin;

// The checks of BIP-350's reference decoder, in its order, each with its own failure reason.
internal static class SegwitAddressParser
{
    public static SegwitAddressError Parse(
        string? address, BitcoinNetwork network, out int version, out byte[] program, out Bech32Variant variant)
    {
        version = 0;
        program = [];
        variant = default;
        if (!Bech32.TryDecode(address, out var decoded, out var bech32Error))
            return FromBech32Error(bech32Error);
        variant = decoded.Variant;

        if (decoded.Hrp != network.AddressHrp)
            return BitcoinNetwork.All.Any(n => n.AddressHrp == decoded.Hrp)
                ? SegwitAddressError.WrongNetwork
                : SegwitAddressError.UnknownPrefix;
        if (decoded.Words.Length == 0)
            return SegwitAddressError.EmptyData;

        version = decoded.Words[0];
        var programWords = decoded.Words.AsSpan(1);
        if (!Bech32Words.TryToBytes(programWords, out program))
            return SegwitAddressError.InvalidPadding;
        return SegwitAddress.Validate(version, program.Length);
    }

    private static SegwitAddressError FromBech32Error(Bech32Error error) => error switch
    {
        Bech32Error.TooLong => SegwitAddressError.TooLong,
        Bech32Error.MixedCase => SegwitAddressError.MixedCase,
        Bech32Error.InvalidChecksum => SegwitAddressError.InvalidChecksum,
        _ => SegwitAddressError.InvalidEncoding,
    };
}
