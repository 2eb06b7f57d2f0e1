using Magma.Lightning.Crypto;
using Magma.Lightning.Encoding;

namespace Magma.Lightning.Bolt11;

/// <summary>Writes and signs BOLT11 payment requests.</summary>
public static class Bolt11Encoder
{
    // The order most of the specification's examples use; readers accept any order.
    internal const string DefaultFieldOrder = "spdhmnxcfr9";

    private const long MaxTimestamp = (1L << 35) - 1;

    /// <summary>
    /// Encodes <paramref name="draft"/> and signs it with <paramref name="payeeKey"/> (RFC6979, low-S).
    /// The result is lowercase.
    /// </summary>
    /// <exception cref="ArgumentException">The draft is not a valid invoice (see the message).</exception>
    public static string Encode(Bolt11InvoiceDraft draft, PrivateKey payeeKey) =>
        Encode(draft, payeeKey, DefaultFieldOrder);

    // fieldOrder lists field letters ('f' and 'r' write every fallback and route); the spec's examples need their own orders.
    internal static string Encode(Bolt11InvoiceDraft draft, PrivateKey payeeKey, string fieldOrder)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(payeeKey);
        Validate(draft);

        var hrp = Bolt11HumanReadablePart.Format(draft.Network, draft.AmountMsat);
        var writer = new Bolt11WordWriter();
        writer.WriteFixed((ulong)draft.Timestamp.ToUnixTimeSeconds(), 7);
        foreach (var letter in fieldOrder)
            Bolt11FieldWriter.Write(letter, draft, payeeKey.PublicKey, writer);

        Span<byte> digest = stackalloc byte[32];
        Bolt11SigningDigest.Compute(hrp, writer.Words, digest);
        var signature = Secp256k1.SignRecoverable(digest, payeeKey);
        Span<byte> signatureBytes = stackalloc byte[RecoverableSignature.CompactLength + 1];
        signature.Compact.CopyTo(signatureBytes);
        signatureBytes[^1] = (byte)signature.RecoveryId;
        writer.WriteWords(Bech32Words.FromBytes(signatureBytes));

        return Bech32.Encode(hrp, writer.Words, Bech32Variant.Bech32);
    }

    private static void Validate(Bolt11InvoiceDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft.Network);
        var seconds = draft.Timestamp.ToUnixTimeSeconds();
        if (seconds is < 0 or > MaxTimestamp)
            throw new ArgumentException("The timestamp must fit in 35 bits of seconds since 1970.", nameof(draft));
        if (draft.AmountMsat is <= 0)
            throw new ArgumentException("An amount must be positive; leave it null for an amountless invoice.", nameof(draft));
        if (draft.PaymentSecret is null)
            throw new ArgumentException("A payment secret is required: readers reject invoices without an s field.", nameof(draft));
        if ((draft.Description is null) == (draft.DescriptionHash is null))
            throw new ArgumentException("Set exactly one of Description and DescriptionHash.", nameof(draft));
    }
}
