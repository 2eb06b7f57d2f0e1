using Magma.Lightning.Encoding;

namespace Magma.Lightning.Bitcoin;

/// <summary>A native SegWit address (BIP-173 for version 0, BIP-350 bech32m for versions 1 to 16).</summary>
public sealed class SegwitAddress : IEquatable<SegwitAddress>
{
    public const int MaxWitnessVersion = 16;

    private readonly byte[] _program;

    private SegwitAddress(BitcoinNetwork network, int witnessVersion, byte[] program)
    {
        Network = network;
        WitnessVersion = witnessVersion;
        _program = program;
    }

    public BitcoinNetwork Network { get; }
    public int WitnessVersion { get; }
    public ReadOnlySpan<byte> Program => _program;

    /// <summary>Version 1 with a 32-byte program: a Taproot output key.</summary>
    public bool IsTaproot => WitnessVersion == 1 && _program.Length == 32;

    /// <summary>The lowercase address string.</summary>
    public string Encode()
    {
        var words = new byte[1 + Bech32Words.WordCountFor(_program.Length)];
        words[0] = (byte)WitnessVersion;
        Bech32Words.FromBytes(_program, words.AsSpan(1));
        return Bech32.Encode(Network.AddressHrp, words, VariantFor(WitnessVersion));
    }

    /// <summary>OP_n (0x00 or 0x51..0x60), the program's length, then the program.</summary>
    public byte[] ToScriptPubKey()
    {
        var script = new byte[2 + _program.Length];
        script[0] = WitnessVersion == 0 ? (byte)0 : (byte)(0x50 + WitnessVersion);
        script[1] = (byte)_program.Length;
        _program.CopyTo(script, 2);
        return script;
    }

    /// <exception cref="ArgumentException">The version or program length is not allowed.</exception>
    public static SegwitAddress FromProgram(BitcoinNetwork network, int witnessVersion, ReadOnlySpan<byte> program)
    {
        ArgumentNullException.ThrowIfNull(network);
        var error = Validate(witnessVersion, program.Length);
        if (error != SegwitAddressError.None)
            throw new ArgumentException($"Not a valid witness program: {error}.", nameof(program));
        return new SegwitAddress(network, witnessVersion, program.ToArray());
    }

    /// <summary>Like <see cref="FromProgram"/>, but returns false instead of throwing.</summary>
    public static bool TryFromProgram(BitcoinNetwork network, int witnessVersion, ReadOnlySpan<byte> program, out SegwitAddress address)
    {
        address = null!;
        if (Validate(witnessVersion, program.Length) != SegwitAddressError.None)
            return false;
        address = new SegwitAddress(network, witnessVersion, program.ToArray());
        return true;
    }

    public static bool TryParse(string? address, BitcoinNetwork network, out SegwitAddress result) =>
        TryParse(address, network, out result, out _);

    /// <summary>Parses an address for <paramref name="network"/> and reports precisely why it is rejected.</summary>
    public static bool TryParse(string? address, BitcoinNetwork network, out SegwitAddress result, out SegwitAddressError error)
    {
        ArgumentNullException.ThrowIfNull(network);
        result = null!;
        error = SegwitAddressParser.Parse(address, network, out var version, out var program, out var variant);
        if (error == SegwitAddressError.None && variant != VariantFor(version))
            error = SegwitAddressError.WrongChecksumVariant;
        if (error != SegwitAddressError.None)
            return false;
        result = new SegwitAddress(network, version, program);
        return true;
    }

    internal static SegwitAddressError Validate(int witnessVersion, int programLength)
    {
        if (witnessVersion is < 0 or > MaxWitnessVersion)
            return SegwitAddressError.InvalidWitnessVersion;
        if (programLength is < 2 or > 40)
            return SegwitAddressError.InvalidProgramLength;
        if (witnessVersion == 0 && programLength != 20 && programLength != 32)
            return SegwitAddressError.InvalidProgramLength;
        return SegwitAddressError.None;
    }

    internal static Bech32Variant VariantFor(int witnessVersion) =>
        witnessVersion == 0 ? Bech32Variant.Bech32 : Bech32Variant.Bech32m;

    public bool Equals(SegwitAddress? other) =>
        other is not null && other.Network.AddressHrp == Network.AddressHrp
        && other.WitnessVersion == WitnessVersion && other._program.AsSpan().SequenceEqual(_program);

    public override bool Equals(object? obj) => obj is SegwitAddress other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Network.AddressHrp, WitnessVersion, _program.Length);

    public override string ToString() => Encode();
}
