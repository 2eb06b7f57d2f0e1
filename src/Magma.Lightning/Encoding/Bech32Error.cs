namespace Magma.Lightning.Encoding;

/// <summary>Why a string is not valid bech32 or bech32m.</summary>
public enum Bech32Error
{
    None,
    Empty,
    TooLong,
    MixedCase,
    InvalidHrpCharacter,
    MissingSeparator,
    EmptyHrp,
    HrpTooLong,
    InvalidDataCharacter,
    TooShortChecksum,
    InvalidChecksum,
}
