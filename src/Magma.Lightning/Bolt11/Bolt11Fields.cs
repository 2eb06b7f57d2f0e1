using Magma.Lightning.Crypto;

namespace Magma.Lightning.Bolt11;

// The first valid field of a kind wins (the spec: pay the first p field not skipped).
// A struct, so that a decode allocates only what it returns.
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
