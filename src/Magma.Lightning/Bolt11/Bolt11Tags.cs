namespace Magma.Lightning.Bolt11;

/// <summary>Tagged-field types (the 5-bit value of the letter shown in the invoice) and their fixed lengths.</summary>
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

    /// <summary>A 256-bit hash in 5-bit words (the last word carries 4 padding bits).</summary>
    public const int HashWords = 52;

    /// <summary>A 33-byte compressed public key in 5-bit words.</summary>
    public const int PubkeyWords = 53;

    /// <summary>The 10-bit data_length caps one field at 1023 words, i.e. 639 bytes.</summary>
    public const int MaxFieldWords = 1023;
    public const int MaxFieldBytes = MaxFieldWords * 5 / 8;

    public static char Letter(byte tag) => Encoding.Bech32Charset.Alphabet[tag];
}
