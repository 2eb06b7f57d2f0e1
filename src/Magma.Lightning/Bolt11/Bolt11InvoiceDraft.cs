using Magma.Lightning.Bitcoin;

namespace Magma.Lightning.Bolt11;

/// <summary>Everything needed to write and sign a BOLT11 invoice. Hex fields are 32 bytes unless noted.</summary>
public sealed record Bolt11InvoiceDraft
{
    public required BitcoinNetwork Network { get; init; }
    public long? AmountMsat { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required string PaymentHash { get; init; }
    /// <summary>Required: BOLT11 writers must include an <c>s</c> field and readers reject invoices without one.</summary>
    public string? PaymentSecret { get; init; }
    /// <summary>Exactly one of Description or DescriptionHash must be set (an empty description is allowed).</summary>
    public string? Description { get; init; }
    public string? DescriptionHash { get; init; }
    /// <summary>Omitted from the invoice when null (readers then assume 3600 s).</summary>
    public long? ExpirySeconds { get; init; }
    /// <summary>Omitted from the invoice when null (readers then assume 18).</summary>
    public int? MinFinalCltvExpiry { get; init; }
    public IReadOnlyList<FallbackAddress> Fallbacks { get; init; } = [];
    public IReadOnlyList<IReadOnlyList<RouteHintHop>> RouteHints { get; init; } = [];
    /// <summary>Written as given; when null, var_onion_optin (8) and payment_secret (14) are set as required. Empty omits the field.</summary>
    public Bolt11Features? Features { get; init; }
    /// <summary>Arbitrary-length hex for the <c>m</c> field.</summary>
    public string? Metadata { get; init; }
    /// <summary>Write the payee's key in an <c>n</c> field (otherwise readers recover it from the signature).</summary>
    public bool IncludePayee { get; init; }
}
