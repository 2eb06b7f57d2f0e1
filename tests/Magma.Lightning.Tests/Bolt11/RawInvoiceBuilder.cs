using Magma.Lightning.Bolt11;
using Magma.Lightning.Crypto;
using Magma.Lightning.Encoding;

namespace Magma.Lightning.Tests.Bolt11;

// Writes invoices field by field, including malformed ones the encoder refuses to produce,
// and signs them properly so that only the intended defect remains.
internal sealed class RawInvoiceBuilder
{
    public static readonly PrivateKey Key = PrivateKey.ParseHex(Bolt11SpecVectors.PrivateKeyHex);
    private static readonly byte[] HashBytes = Convert.FromHexString(Bolt11SpecVectors.PaymentHash);
    private static readonly byte[] SecretBytes = Convert.FromHexString(Bolt11SpecVectors.PaymentSecret);

    private readonly Bolt11WordWriter _writer = new();

    public RawInvoiceBuilder(long timestamp = Bolt11SpecVectors.Timestamp) => _writer.WriteFixed((ulong)timestamp, 7);

    // A payment hash, a payment secret and a description: the least a reader accepts.
    public static RawInvoiceBuilder Minimal() =>
        new RawInvoiceBuilder().Bytes('p', HashBytes).Bytes('s', SecretBytes).Text('d', "minimal");

    public RawInvoiceBuilder Bytes(char letter, byte[] bytes)
    {
        _writer.WriteBytesField(Tag(letter), bytes);
        return this;
    }

    public RawInvoiceBuilder Words(char letter, params byte[] words)
    {
        _writer.WriteField(Tag(letter), words);
        return this;
    }

    public RawInvoiceBuilder Text(char letter, string text) => Bytes(letter, System.Text.Encoding.UTF8.GetBytes(text));

    public RawInvoiceBuilder Number(char letter, ulong value)
    {
        _writer.WriteNumberField(Tag(letter), value);
        return this;
    }

    // Appends words verbatim, e.g. a field header whose length lies.
    public RawInvoiceBuilder Raw(params byte[] words)
    {
        _writer.WriteWords(words);
        return this;
    }

    public RawInvoiceBuilder PaymentHash() => Bytes('p', HashBytes);

    public RawInvoiceBuilder PaymentSecret() => Bytes('s', SecretBytes);

    // adjust: Changes the 64-byte signature and recovery id before they are written.
    public string Sign(string hrp = "lnbc", PrivateKey? key = null, Func<byte[], int, (byte[], int)>? adjust = null)
    {
        Span<byte> digest = stackalloc byte[32];
        Bolt11SigningDigest.Compute(hrp, _writer.Words, digest);
        var signature = Secp256k1.SignRecoverable(digest, key ?? Key);
        var (compact, recoveryId) = adjust is null
            ? (signature.Compact, signature.RecoveryId)
            : adjust(signature.Compact.ToArray(), signature.RecoveryId);
        var words = new List<byte>(_writer.Words.ToArray());
        words.AddRange(Bech32Words.FromBytes([.. compact, (byte)recoveryId]));
        return Bech32.Encode(hrp, words.ToArray(), Bech32Variant.Bech32);
    }

    // The same signature with s replaced by n - s; the matching recovery id flips parity.
    public static (byte[], int) NegateS(byte[] compact, int recoveryId)
    {
        var n = System.Numerics.BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);
        var s = new System.Numerics.BigInteger(compact.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var negated = (n - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = compact.ToArray();
        Array.Clear(result, 32, 32);
        negated.CopyTo(result, 64 - negated.Length);
        return (result, recoveryId ^ 1);
    }

    private static byte Tag(char letter) => (byte)Bech32Charset.ValueOf(letter);
}
