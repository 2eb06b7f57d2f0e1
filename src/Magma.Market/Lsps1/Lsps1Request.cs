namespace Magma.Market.Lsps1;

/// <summary>
/// A create_order request after field checks. Sats are unsigned 64-bit as bLIP-50 allows; the option checks bound
/// them to Magma's <c>long</c> amounts. Empty or null optional strings are already folded into null.
/// </summary>
public sealed record Lsps1Request(
    ulong LspBalanceSat,
    ulong ClientBalanceSat,
    int RequiredChannelConfirmations,
    int FundingConfirmsWithinBlocks,
    long ChannelExpiryBlocks,
    string? Token,
    string? RefundOnchainAddress,
    bool AnnounceChannel,
    string? PublicKey);

/// <summary>Which seller serves an order: the plain prefixes use the house, Magma's own routes rank automated offers.</summary>
public enum Lsps1Route { House, Recommended, Cheapest }
