namespace Magma.Lightning.Encoding;

/// <summary>The two checksum constants of the bech32 family: BIP-173 (<c>Bech32</c>) and BIP-350 (<c>Bech32m</c>).</summary>
public enum Bech32Variant
{
    Bech32,
    Bech32m,
}
