using Magma.Api.Errors;
using Magma.Lightning;
using Magma.Lightning.Crypto;
using Magma.Lightning.Simnet;

namespace Magma.Api.Sandbox;

/// <summary>Sandbox actions taken by one (non-house) Simnet node.</summary>
internal static class SandboxNodeRoutes
{
    public static async Task<IResult> Describe(string pubkey, SimnetNetwork network) =>
        await WithNode(pubkey, network, allowHouse: true, async node =>
        {
            var info = await node.GetInfo();
            return Results.Ok(new
            {
                pubkey = info.IdentityPubkey.ToHex(),
                alias = info.Alias,
                // The same "uri" as the list and create routes, next to LND getinfo's "uris".
                uri = info.Uris.FirstOrDefault(),
                uris = info.Uris,
                block_height = info.BlockHeight,
                wallet = await node.GetWalletBalance(),
                channels = await node.ListChannels(),
                pending_channels = await node.ListPendingChannels(),
            });
        });

    public static async Task<IResult> CreateInvoice(string pubkey, CreateInvoiceRequest? request, SimnetNetwork network) =>
        await WithNode(pubkey, network, allowHouse: false, async node =>
        {
            if (request?.AmountMsat is not >= 0)
                return ApiError.BadRequest("invalid-amount", "amount_msat must be zero (amountless) or positive.");
            if (request.ExpirySeconds is <= 0 or > 31_536_000)
                return ApiError.BadRequest("invalid-expiry", "expiry_seconds must be between 1 and 31536000.");
            if (request.Memo is { Length: > 639 })
                return ApiError.BadRequest("invalid-memo", "memo must be at most 639 characters (BOLT11's description limit).");
            var invoice = await node.CreateInvoice(new CreateInvoiceParams(request.AmountMsat.Value, request.Memo,
                Expiry: request.ExpirySeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null));
            return Results.Ok(new { payment_request = invoice.PaymentRequest, payment_hash = invoice.PaymentHash });
        });

    public static async Task<IResult> Pay(string pubkey, PayRequest? request, SimnetNetwork network) =>
        await WithNode(pubkey, network, allowHouse: false, async node =>
        {
            if (string.IsNullOrWhiteSpace(request?.PaymentRequest))
                return ApiError.BadRequest("invalid-payment-request", "payment_request is required.");
            var result = await node.Pay(new PayInvoiceParams(request.PaymentRequest.Trim(), FeeLimitMsat: 10_000_000, TimeSpan.FromSeconds(10), request.AmountMsat));
            return result.Outcome == PayOutcome.Rejected
                ? ApiError.Unprocessable("payment-rejected", result.Error ?? "The node refused the payment.")
                : Results.Ok(new
                {
                    outcome = result.Outcome.ToString().ToUpperInvariant(),
                    payment_hash = result.Payment?.PaymentHash,
                    preimage = result.Payment?.Preimage,
                    fee_msat = result.Payment?.FeeMsat,
                    failure_reason = result.Payment?.FailureReason.ToString(),
                });
        });

    public static async Task<IResult> OpenChannel(string pubkey, OpenChannelRequest? request, SimnetNetwork network) =>
        await WithNode(pubkey, network, allowHouse: false, async node =>
        {
            if (!PublicKey.TryParseHex(request?.PeerPubkey, out var peer))
                return ApiError.BadRequest("invalid-peer", "peer_pubkey must be a 33-byte compressed public key in hex.");
            if (request!.CapacitySat is not > 0)
                return ApiError.BadRequest("invalid-capacity", "capacity_sat must be positive.");
            if (!await network.NodeExists(peer))
                return ApiError.NotFound("peer-not-found", "The peer is not a Simnet node.");
            // The sandbox is a convenience: it connects first, as an operator would before opening.
            await node.ConnectPeer(new NodeUri(peer, "127.0.0.1", 9735));
            var result = await node.OpenChannel(new OpenChannelParams(peer, request.CapacitySat.Value, request.PushSat ?? 0, request.Private ?? false));
            return result.Outcome == OpenChannelOutcome.Pending
                ? Results.Ok(new { funding_outpoint = result.FundingOutpoint.ToString() })
                : ApiError.Unprocessable("channel-open-failed", $"{result.Outcome}: {result.Error}");
        });

    public static async Task<IResult> UpdatePolicy(string pubkey, string channelPoint, ChannelPolicyRequest? request, SimnetNetwork network) =>
        await WithNode(pubkey, network, allowHouse: false, async node =>
        {
            if (!OutPoint.TryParse(channelPoint, out var point))
                return ApiError.BadRequest("invalid-channel-point", "channel_point must be txid:vout.");
            if (request?.BaseFeeMsat is not >= 0 || request.FeeRatePpm is not >= 0)
                return ApiError.BadRequest("invalid-policy", "base_fee_msat and fee_rate_ppm are required and not negative.");
            return await network.UpdateChannelPolicy(node.Pubkey, point.Value, request.BaseFeeMsat.Value, request.FeeRatePpm.Value)
                ? Results.Ok(new { updated = true })
                : ApiError.NotFound("channel-not-found", "This node has no channel with that channel point.");
        });

    public static async Task<IResult> SignMessage(string pubkey, SignMessageRequest? request, SimnetNetwork network) =>
        await WithNode(pubkey, network, allowHouse: false, async node =>
        {
            if (request?.Message is null)
                return ApiError.BadRequest("invalid-message", "message is required.");
            return Results.Ok(new { signature = await node.SignMessage(request.Message) });
        });

    public static async Task<IResult> NewAddress(string pubkey, SimnetNetwork network) =>
        await WithNode(pubkey, network, allowHouse: false, async node => Results.Ok(new { address = await node.NewAddress() }));

    private static async Task<IResult> WithNode(string pubkey, SimnetNetwork network, bool allowHouse, Func<SimnetNode, Task<IResult>> action)
    {
        if (!PublicKey.TryParseHex(pubkey, out var key))
            return ApiError.BadRequest("invalid-pubkey", "pubkey must be a 33-byte compressed public key in hex.");
        if (!await network.NodeExists(key))
            return ApiError.NotFound("node-not-found", "No Simnet node has this public key.");
        if (!allowHouse && (await network.HouseNode()).Pubkey.Equals(key))
            return Results.Json(new ApiError("house-node", "The house node is driven by the engine; use another Simnet node."), statusCode: StatusCodes.Status403Forbidden);
        return await action(network.Node(key));
    }
}
