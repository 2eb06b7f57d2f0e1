using Magma.Lightning.Crypto;

namespace Magma.Lightning.Bolt11;

/// <summary>What the tagged fields of one invoice said, collected while reading them (first valid field of a kind wins).</summary>
internal sealed class Bolt11Fields
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
