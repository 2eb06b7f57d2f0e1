namespace Magma.Lightning.Bitcoin;

/// <summary>Why a string is not a SegWit address for the requested network.</summary>
public enum SegwitAddressError
{
    None,
    /// <summary>Not a well-formed bech32 string (bad characters, no separator, too short, ...).</summary>
    InvalidEncoding,
    TooLong,
    MixedCase,
    InvalidChecksum,
    /// <summary>The prefix belongs to no known network.</summary>
    UnknownPrefix,
    /// <summary>The prefix belongs to another known network.</summary>
    WrongNetwork,
    /// <summary>Nothing between the separator and the checksum.</summary>
    EmptyData,
    /// <summary>The witness version is above 16.</summary>
    InvalidWitnessVersion,
    /// <summary>The program is outside 2..40 bytes, or not 20/32 bytes for version 0.</summary>
    InvalidProgramLength,
    /// <summary>More than 4 padding bits, or non-zero padding bits, after the program.</summary>
    InvalidPadding,
    /// <summary>Version 0 must use bech32 and versions 1..16 bech32m (BIP-350).</summary>
    WrongChecksumVariant,
}
