using Magma.Lightning.Bitcoin;
using Magma.Lightning.Crypto;
using Magma.Lightning.Encoding;

namespace Magma.Lightning.Bolt11;

/// <summary>Reads and verifies BOLT11 payment requests.</summary>
public static class Bolt11Decoder
{
    /// <summary>
    /// Longer strings are refused outright. BOLT11 lifts bech32's 90-character limit; this bound is far
    /// above what a QR code can carry (7089 characters) and keeps a decode's work and stack use small.
    /// </summary>
    public const int MaxLength = 8192;

    private const int TimestampWords = 7;
    private const int SignatureWords = 104;
    private const int SignatureBytes = 65;

    /// <summary>
    /// Decodes <paramref name="paymentRequest"/>, checks its signature and establishes the payee.
    /// Never throws: any malformed input yields a <see cref="Bolt11Error"/> naming the problem.
    /// </summary>
    /// <param name="expectedNetwork">When set, an invoice for any other network fails with <see cref="Bolt11ErrorCode.WrongNetwork"/>.</param>
    public static Bolt11DecodeResult Decode(string paymentRequest, BitcoinNetwork? expectedNetwork = null) =>
        Decode(paymentRequest, expectedNetwork, assumedPayee: null);

    // For measuring the parser alone: everything Decode does except the public-key recovery.
    internal static Bolt11DecodeResult DecodeSkippingSignatureCheck(string paymentRequest, PublicKey assumedPayee) =>
        Decode(paymentRequest, null, assumedPayee);

    private static Bolt11DecodeResult Decode(string? paymentRequest, BitcoinNetwork? expectedNetwork, PublicKey? assumedPayee)
    {
        if (string.IsNullOrEmpty(paymentRequest))
            return Fail(Bolt11ErrorCode.Empty, "The payment request is empty.");
        if (paymentRequest.Length > MaxLength)
            return Fail(Bolt11ErrorCode.TooLong, $"The payment request is longer than {MaxLength} characters.");

        Span<byte> words = stackalloc byte[paymentRequest.Length];
        var bech32Error = Bech32Reader.Read(paymentRequest, MaxLength, words, out var separator, out var wordCount, out var variant);
        if (bech32Error != Bech32Error.None)
            return FromBech32Error(bech32Error);
        if (variant != Bech32Variant.Bech32)
            return Fail(Bolt11ErrorCode.InvalidChecksum, "The checksum is bech32m; BOLT11 uses bech32.");

        Span<char> hrp = stackalloc char[separator];
        for (var i = 0; i < separator; i++)
            hrp[i] = Bech32Checksum.ToLowerAscii(paymentRequest[i]);
        var error = Bolt11HumanReadablePart.Parse(hrp, out var network, out var amountMsat);
        if (error is not null)
            return Bolt11DecodeResult.Fail(error.Code, error.Message);
        if (expectedNetwork is not null && network != expectedNetwork)
            return Fail(Bolt11ErrorCode.WrongNetwork, $"The invoice is for {network}, not {expectedNetwork}.");

        if (wordCount < TimestampWords + SignatureWords)
            return Fail(Bolt11ErrorCode.TooShort, "The data part is too short to hold a timestamp and a signature.");
        var signedWords = words[..(wordCount - SignatureWords)];
        var fields = new Bolt11Fields();
        error = Bolt11FieldReader.Read(signedWords[TimestampWords..], network, ref fields) ?? CheckRequired(in fields);
        if (error is not null)
            return Bolt11DecodeResult.Fail(error.Code, error.Message);

        Span<byte> signature = stackalloc byte[SignatureBytes];
        Bech32Words.ToBytesTruncating(words.Slice(wordCount - SignatureWords, SignatureWords), signature);
        var recoveryId = signature[64];
        if (recoveryId > 3)
            return Fail(Bolt11ErrorCode.InvalidSignature, $"The recovery id is {recoveryId}; it must be 0 to 3.");

        Span<byte> digest = stackalloc byte[32];
        Bolt11SigningDigest.Compute(hrp, signedWords, digest);
        var payee = assumedPayee;
        if (payee is null)
        {
            error = Bolt11SignatureCheck.Check(digest, signature[..64], recoveryId, fields.Payee, out payee);
            if (error is not null)
                return Bolt11DecodeResult.Fail(error.Code, error.Message);
        }

        return Bolt11DecodeResult.Ok(new Bolt11Invoice
        {
            PaymentRequest = paymentRequest.ToLowerInvariant(),
            Network = network,
            AmountMsat = amountMsat,
            Timestamp = DateTimeOffset.FromUnixTimeSeconds(ReadTimestamp(signedWords)),
            PaymentHash = fields.PaymentHash!,
            PaymentSecret = fields.PaymentSecret,
            Description = fields.Description,
            DescriptionHash = fields.DescriptionHash,
            ExpirySeconds = fields.ExpirySeconds ?? Bolt11Invoice.DefaultExpirySeconds,
            MinFinalCltvExpiry = fields.MinFinalCltvExpiry ?? Bolt11Invoice.DefaultMinFinalCltvExpiry,
            Payee = payee,
            PayeeWasExplicit = fields.Payee is not null,
            Fallbacks = fields.Fallbacks ?? (IReadOnlyList<FallbackAddress>)[],
            RouteHints = fields.RouteHints ?? (IReadOnlyList<IReadOnlyList<RouteHintHop>>)[],
            Features = fields.Features ?? Bolt11Features.Empty,
            Metadata = fields.Metadata,
            Signature = new RecoverableSignature(signature[..64].ToArray(), recoveryId),
        });
    }

    private static Bolt11Error? CheckRequired(in Bolt11Fields fields)
    {
        if (fields.PaymentHash is null)
            return new Bolt11Error(Bolt11ErrorCode.MissingPaymentHash, "The invoice has no payment hash (p) field of 52 words.");
        if (fields.PaymentSecret is null)
            return new Bolt11Error(Bolt11ErrorCode.MissingPaymentSecret, "The invoice has no payment secret (s) field of 52 words.");
        if (fields.Description is null && fields.DescriptionHash is null)
            return new Bolt11Error(Bolt11ErrorCode.MissingDescription, "The invoice has neither a description (d) nor a description hash (h).");
        if (fields.Features is not null && Bolt11KnownFeatures.FindUnknownRequired(fields.Features) is { } unknown)
            return new Bolt11Error(Bolt11ErrorCode.UnknownRequiredFeature, $"The invoice requires unknown feature bit(s) {string.Join(", ", unknown)}.");
        return null;
    }

    private static long ReadTimestamp(ReadOnlySpan<byte> words)
    {
        var seconds = 0L;
        for (var i = 0; i < TimestampWords; i++)
            seconds = (seconds << 5) | words[i];
        return seconds;
    }

    private static Bolt11DecodeResult FromBech32Error(Bech32Error error) => error switch
    {
        Bech32Error.MixedCase => Fail(Bolt11ErrorCode.MixedCase, "The payment request mixes upper and lower case."),
        Bech32Error.InvalidHrpCharacter or Bech32Error.InvalidDataCharacter =>
            Fail(Bolt11ErrorCode.InvalidCharacter, "The payment request contains a character outside the bech32 alphabet."),
        Bech32Error.MissingSeparator or Bech32Error.EmptyHrp =>
            Fail(Bolt11ErrorCode.MissingSeparator, "The payment request has no '1' after its prefix."),
        Bech32Error.HrpTooLong => Fail(Bolt11ErrorCode.UnknownPrefix, "The part before the last '1' is too long to be an invoice prefix."),
        Bech32Error.TooShortChecksum => Fail(Bolt11ErrorCode.TooShort, "The payment request is too short to hold a checksum."),
        Bech32Error.InvalidChecksum => Fail(Bolt11ErrorCode.InvalidChecksum, "The bech32 checksum is wrong."),
        Bech32Error.TooLong => Fail(Bolt11ErrorCode.TooLong, $"The payment request is longer than {MaxLength} characters."),
        _ => Fail(Bolt11ErrorCode.Empty, "The payment request is empty."),
    };

    private static Bolt11DecodeResult Fail(Bolt11ErrorCode code, string message) => Bolt11DecodeResult.Fail(code, message);
}
