using System.Diagnostics.CodeAnalysis;

namespace Magma.Lightning.Bolt11;

/// <summary>Why a string is not an acceptable BOLT11 invoice; the accompanying message gives the detail.</summary>
public enum Bolt11ErrorCode
{
    Empty,
    TooLong,
    MixedCase,
    InvalidCharacter,
    MissingSeparator,
    InvalidChecksum,
    UnknownPrefix,
    WrongNetwork,
    InvalidAmount,
    TooShort,
    InvalidField,
    MissingPaymentHash,
    MissingDescription,
    InvalidSignature,
    PayeeMismatch,
    UnknownRequiredFeature,
    MissingPaymentSecret,
}

/// <summary>A decoding failure: a stable code for callers and a message for people.</summary>
public sealed record Bolt11Error(Bolt11ErrorCode Code, string Message)
{
    public override string ToString() => Message;
}

/// <summary>Either a verified invoice or a precise reason why the string is not one. Decoding never throws.</summary>
public sealed record Bolt11DecodeResult
{
    private Bolt11DecodeResult(Bolt11Invoice? invoice, Bolt11Error? error)
    {
        Invoice = invoice;
        Error = error;
    }

    public Bolt11Invoice? Invoice { get; }
    public Bolt11Error? Error { get; }

    [MemberNotNullWhen(true, nameof(Invoice))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Invoice is not null;

    public static Bolt11DecodeResult Ok(Bolt11Invoice invoice) => new(invoice, null);

    public static Bolt11DecodeResult Fail(Bolt11ErrorCode code, string message) => new(null, new Bolt11Error(code, message));
}
