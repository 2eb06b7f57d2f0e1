namespace Magma.Lightning.Encoding;

/// <summary>A decoded bech32 string: its lowercase human-readable part, its 5-bit data words (checksum removed) and its checksum variant.</summary>
public sealed record Bech32Decoded(string Hrp, byte[] Words, Bech32Variant Variant);
