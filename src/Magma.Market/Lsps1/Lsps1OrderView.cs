namespace Magma.Market.Lsps1;

/// <summary>An LSPS1 order as bLIP-51 describes it, with typed values; the API writes the wire form.</summary>
public sealed record Lsps1OrderView(
    string OrderId,
    long LspBalanceSat,
    long ClientBalanceSat,
    int RequiredChannelConfirmations,
    int FundingConfirmsWithinBlocks,
    long ChannelExpiryBlocks,
    string Token,
    string CreatedAt,
    bool AnnounceChannel,
    string OrderState,
    Lsps1Bolt11View? Bolt11,
    Lsps1OnchainView? Onchain,
    Lsps1ChannelView? Channel);

public sealed record Lsps1Bolt11View(string State, string ExpiresAt, long FeeTotalSat, long OrderTotalSat, string Invoice);

/// <summary><see cref="MinFeeFor0Conf"/> is set only when 0 confirmations are accepted: it is omitted, never null, on the wire.</summary>
public sealed record Lsps1OnchainView(
    string State,
    string ExpiresAt,
    long FeeTotalSat,
    long OrderTotalSat,
    string Address,
    int MinOnchainPaymentConfirmations,
    long? MinFeeFor0Conf,
    string? RefundOnchainAddress);

public sealed record Lsps1ChannelView(string FundedAt, string FundingOutpoint, string ExpiresAt);

/// <summary>LSPS0 datetimes: UTC with milliseconds and a Z.</summary>
public static class Lsps1Dates
{
    public static string Format(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
