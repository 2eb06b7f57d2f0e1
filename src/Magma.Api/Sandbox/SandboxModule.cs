using Magma.Api.Endpoints;
using Magma.Api.Errors;
using Magma.Api.Hosting;
using Magma.Lightning;
using Magma.Lightning.Simnet;

namespace Magma.Api.Sandbox;

/// <summary>
/// Routes that let a person or a test play the outside world on Simnet: create nodes, pay invoices from an
/// external wallet, mine blocks, open channels from a seller's node. They exist only while the engine runs
/// on Simnet. The house node is driven by the engine itself, so these routes never act in its name.
/// </summary>
public sealed class SandboxModule : IEndpointModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var sandbox = app.MapGroup("/api/v1/sandbox").WithTags("Sandbox").AddEndpointFilter(OnlyOnSimnet);

        sandbox.MapGet("/nodes", ListNodes);
        sandbox.MapPost("/nodes", CreateNode);
        sandbox.MapGet("/nodes/{pubkey}", SandboxNodeRoutes.Describe);
        sandbox.MapPost("/nodes/{pubkey}/invoices", SandboxNodeRoutes.CreateInvoice);
        sandbox.MapPost("/nodes/{pubkey}/pay", SandboxNodeRoutes.Pay);
        sandbox.MapPost("/nodes/{pubkey}/channels", SandboxNodeRoutes.OpenChannel);
        sandbox.MapPost("/nodes/{pubkey}/channels/{channelPoint}/policy", SandboxNodeRoutes.UpdatePolicy);
        sandbox.MapPost("/nodes/{pubkey}/signmessage", SandboxNodeRoutes.SignMessage);
        sandbox.MapPost("/nodes/{pubkey}/addresses", SandboxNodeRoutes.NewAddress);
        sandbox.MapPost("/pay", PayFromExternal);
        sandbox.MapPost("/mine", Mine);
        sandbox.MapGet("/chain", Chain);
        sandbox.MapPost("/onchain/send", SendOnchain);
        sandbox.MapPost("/channels/{channelPoint}/close", CloseChannel);
    }

    private static async ValueTask<object?> OnlyOnSimnet(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.RequestServices.GetRequiredService<LightningBackend>().IsSimnet
            ? await next(context)
            : ApiError.NotFound("sandbox-unavailable", "Sandbox routes exist only while Magma runs on Simnet.");

    private static async Task<IResult> ListNodes(SimnetNetwork network) =>
        Results.Ok((await network.ListNodes()).Select(n => new { pubkey = n.Pubkey, alias = n.Alias, uri = $"{n.Pubkey}@{n.Host}:{n.Port}" }));

    private static async Task<IResult> CreateNode(CreateNodeRequest? request, SimnetNetwork network)
    {
        var alias = request?.Alias?.Trim();
        if (string.IsNullOrEmpty(alias) || alias.Length > 32)
            return ApiError.BadRequest("invalid-alias", "alias is required and at most 32 characters (the BOLT 7 limit).");
        var node = await network.CreateNode(alias);
        var summary = (await network.ListNodes()).First(n => n.Pubkey == node.Pubkey.ToHex());
        return Results.Created($"/api/v1/sandbox/nodes/{summary.Pubkey}",
            new { pubkey = summary.Pubkey, alias = summary.Alias, uri = $"{summary.Pubkey}@{summary.Host}:{summary.Port}" });
    }

    private static async Task<IResult> PayFromExternal(PayRequest? request, SimnetNetwork network)
    {
        if (string.IsNullOrWhiteSpace(request?.PaymentRequest))
            return ApiError.BadRequest("invalid-payment-request", "payment_request is required.");
        if (request.AmountMsat is <= 0)
            return ApiError.BadRequest("invalid-amount", "amount_msat must be positive.");
        var result = await network.PayFromExternal(request.PaymentRequest.Trim(), request.AmountMsat);
        return result.Outcome == ExternalPaymentOutcome.Rejected
            ? ApiError.Unprocessable("payment-rejected", result.Error!)
            : Results.Ok(new { payment_hash = result.PaymentHash, state = result.State.ToString()!.ToUpperInvariant() });
    }

    private static async Task<IResult> Mine(MineRequest? request, SimnetNetwork network)
    {
        var blocks = request?.Blocks ?? 1;
        if (blocks is < 1 or > 1000)
            return ApiError.BadRequest("invalid-blocks", "blocks must be between 1 and 1000.");
        return Results.Ok(new { height = await network.Mine(blocks) });
    }

    private static async Task<IResult> Chain(SimnetNetwork network) => Results.Ok(new { height = await network.Height() });

    private static async Task<IResult> SendOnchain(SendOnchainRequest? request, SimnetNetwork network)
    {
        if (request?.AmountSat is not > 0)
            return ApiError.BadRequest("invalid-amount", "amount_sat must be positive.");
        var txid = await network.SendFromExternal(request.Address ?? "", request.AmountSat.Value);
        return txid is null
            ? ApiError.BadRequest("invalid-address", $"address must be a {network.Network.Name} SegWit address.")
            : Results.Ok(new { txid });
    }

    private static async Task<IResult> CloseChannel(string channelPoint, CloseChannelRequest? request, SimnetNetwork network)
    {
        if (!OutPoint.TryParse(channelPoint, out var point))
            return ApiError.BadRequest("invalid-channel-point", "channel_point must be txid:vout.");
        return await network.CloseChannel(point.Value, request?.Force ?? false)
            ? Results.Ok(new { closing = true })
            : ApiError.NotFound("channel-not-found", "No open channel has this channel point.");
    }
}
