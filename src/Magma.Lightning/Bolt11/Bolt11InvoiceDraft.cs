using Magma.Lightning.Bitcoin;

namespace Magma.Lightning.Bolt11;

/// <summary>Everything needed to write and sign a BOLT11 invoice. Hex fields are 32 bytes unless noted.</summary>
public sealed record Bolt11InvoiceDraft
{
    public required BitcoinNetwork Network { get; init; }
    public long? AmountMsat { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required string PaymentHash { get; init; }
    public string? PaymentSecret { get; init; }
    /// <summary>Exactly one of Description or DescriptionHash must be set (an empty description is allowed).</summary>
    public string? Description { get; init; }
    public string? DescriptionHash { get; init; }
    public long? ExpirySeconds { get; init; }
    public int? MinFinalCltvExpiry { get; init; }
    public IReadOnlyList<FallbackAddress> Fallbacks { get; init; } = [];
    public IReadOnlyList<IReadOnlyList<RouteHintHop>> RouteHints { get; init; } = [];
    public Bolt11Features? Features { get; init; }
    /// <summary>Arbitrary-length hex for the <c>m</c> field.</summary>
    public string? Metadata { get; init; }
    /// <summary>Write the payee's key in an <c>n</c> field (otherwise readers recover it from the signature).</summary>
    public bool IncludePayee { get; init; }
}
