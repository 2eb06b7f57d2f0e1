using Magma.Lightning.Bitcoin;
using Magma.Lightning.Crypto;

namespace Magma.Lightning.Bolt11;

/// <summary>
/// A decoded and signature-checked BOLT11 payment request. Hashes and secrets are lowercase hex.
/// Defaults from the specification are already applied: expiry 3600 s, min_final_cltv_expiry 18.
/// </summary>
public sealed record Bolt11Invoice
{
    public const int DefaultExpirySeconds = 3600;
    public const int DefaultMinFinalCltvExpiry = 18;

    /// <summary>The payment request as decoded, in lowercase.</summary>
    public required string PaymentRequest { get; init; }
    public required BitcoinNetwork Network { get; init; }
    /// <summary>Null for an amountless invoice.</summary>
    public long? AmountMsat { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required string PaymentHash { get; init; }
    public string? PaymentSecret { get; init; }
    public string? Description { get; init; }
    public string? DescriptionHash { get; init; }
    public long ExpirySeconds { get; init; } = DefaultExpirySeconds;
    public int MinFinalCltvExpiry { get; init; } = DefaultMinFinalCltvExpiry;
    /// <summary>The payee: the <c>n</c> field when present, otherwise recovered from the signature.</summary>
    public required PublicKey Payee { get; init; }
    public bool PayeeWasExplicit { get; init; }
    public IReadOnlyList<FallbackAddress> Fallbacks { get; init; } = [];
    public IReadOnlyList<IReadOnlyList<RouteHintHop>> RouteHints { get; init; } = [];
    public Bolt11Features Features { get; init; } = Bolt11Features.Empty;
    public string? Metadata { get; init; }
    public required RecoverableSignature Signature { get; init; }

    /// <summary>Timestamp plus expiry, saturating at <see cref="DateTimeOffset.MaxValue"/> for absurd expiries.</summary>
    public DateTimeOffset ExpiresAt =>
        ExpirySeconds >= (DateTimeOffset.MaxValue - Timestamp).TotalSeconds ? DateTimeOffset.MaxValue : Timestamp.AddSeconds(ExpirySeconds);

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;
}

/// <summary>One hop of an <c>r</c> routing hint.</summary>
public sealed record RouteHintHop(PublicKey Pubkey, ulong ShortChannelId, uint FeeBaseMsat, uint FeeProportionalMillionths, ushort CltvExpiryDelta);

/// <summary>
/// An <c>f</c> field: an on-chain fallback. Version 0..16 is a witness version, 17 P2PKH, 18 P2SH.
/// Address is rendered for the invoice's network, and is null when the data is not a valid address of that version.
/// </summary>
public sealed record FallbackAddress(int Version, byte[] Data, string? Address);
