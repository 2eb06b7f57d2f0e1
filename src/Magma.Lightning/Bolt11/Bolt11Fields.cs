using Magma.Lightning.Crypto;

namespace Magma.Lightning.Bolt11;

/// <summary>What the tagged fields of one invoice said, collected while reading them (first valid field of a kind wins). A struct so a decode allocates only what it returns.</summary>
internal struct Bolt11Fields
{
    public string? PaymentHash;
    public string? PaymentSecret;
    public string? Description;
    public string? DescriptionHash;
    public long? ExpirySeconds;
    public int? MinFinalCltvExpiry;
    public PublicKey? Payee;
    public List<FallbackAddress>? Fallbacks;
    public List<IReadOnlyList<RouteHintHop>>? RouteHints;
    public Bolt11Features? Features;
    public string? Metadata;
}
