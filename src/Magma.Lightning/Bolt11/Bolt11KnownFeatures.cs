namespace Magma.Lightning.Bolt11;

// The BOLT 9 features allowed in an invoice's 9 field. A reader must fail on any other
// even (required) bit and ignore unknown odd (optional) bits.
internal static class Bolt11KnownFeatures
{
    public const int VarOnionOptin = 8;
    public const int PaymentSecret = 14;
    public const int BasicMpp = 16;
    public const int RouteBlinding = 24;
    public const int PaymentMetadata = 48;

    public static IReadOnlyList<int> Default { get; } = [VarOnionOptin, PaymentSecret];

    public static List<int>? FindUnknownRequired(Bolt11Features features)
    {
        List<int>? unknown = null;
        for (var bit = 0; bit < features.Length; bit += 2)
            if (features.IsSet(bit) && !IsKnown(bit))
                (unknown ??= []).Add(bit);
        return unknown;
    }

    private static bool IsKnown(int evenBit) =>
        evenBit is VarOnionOptin or PaymentSecret or BasicMpp or RouteBlinding or PaymentMetadata;
}
