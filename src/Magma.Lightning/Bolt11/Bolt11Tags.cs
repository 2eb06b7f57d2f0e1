namespace Magma.Lightning.Bolt11;

internal static class Bolt11Tags
{
    public const byte PaymentHash = 1;        // p
    public const byte RouteHint = 3;          // r
    public const byte Features = 5;           // 9
    public const byte Expiry = 6;             // x
    public const byte Fallback = 9;           // f
    public const byte Description = 13;       // d
    public const byte PaymentSecret = 16;     // s
    public const byte Payee = 19;             // n
    public const byte DescriptionHash = 23;   // h
    public const byte MinFinalCltvExpiry = 24; // c
    public const byte Metadata = 27;          // m

    // A 256-bit hash in 5-bit words (the last word carries 4 padding bits).
    public const int HashWords = 52;

    public const int PubkeyWords = 53;

    // The 10-bit data_length caps one field at 1023 words, i.e. 639 bytes.
    public const int MaxFieldWords = 1023;
    public const int MaxFieldBytes = MaxFieldWords * 5 / 8;

    public static char Letter(byte tag) => Encoding.Bech32Charset.Alphabet[tag];
}
