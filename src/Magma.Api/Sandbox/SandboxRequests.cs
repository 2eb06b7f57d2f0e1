namespace Magma.Api.Sandbox;

public sealed record CreateNodeRequest(string? Alias);

public sealed record CreateInvoiceRequest(long? AmountMsat, string? Memo, long? ExpirySeconds);

public sealed record PayRequest(string? PaymentRequest, long? AmountMsat);

public sealed record MineRequest(int? Blocks);

public sealed record OpenChannelRequest(string? PeerPubkey, long? CapacitySat, long? PushSat, bool? Private);

public sealed record SignMessageRequest(string? Message);

public sealed record SendOnchainRequest(string? Address, long? AmountSat);

public sealed record CloseChannelRequest(bool? Force);

public sealed record ChannelPolicyRequest(long? BaseFeeMsat, long? FeeRatePpm);
