namespace Magma.Market.Lsps1;

/// <summary>
/// Checks a well-formed request against what get_info announced (error 100, naming the get_info field), then the
/// token (102), then whether the client is refused (001): the order lsps1-rest.md §3.4 suggests.
/// </summary>
public static class Lsps1RequestRules
{
    public static void Check(Lsps1Request request, Lsps1Info info, Lsps1Options options)
    {
        CheckOptions(request, info);
        if (request.Token is { } token && !options.Tokens.Contains(token, StringComparer.Ordinal))
            throw new Lsps1Exception(Lsps1Codes.InvalidToken, "The token is not recognised.");
        if (request.PublicKey is { } node && options.RejectedNodes.Contains(node, StringComparer.OrdinalIgnoreCase))
            throw new Lsps1Exception(Lsps1Codes.ClientRejected, "This node is not served.");
    }

    private static void CheckOptions(Lsps1Request request, Lsps1Info info)
    {
        var lsp = request.LspBalanceSat;
        var client = request.ClientBalanceSat;
        Min(lsp, info.MinInitialLspBalanceSat, "min_initial_lsp_balance_sat", "lsp_balance_sat");
        Max(lsp, info.MaxInitialLspBalanceSat, "max_initial_lsp_balance_sat", "lsp_balance_sat");
        Min(client, info.MinInitialClientBalanceSat, "min_initial_client_balance_sat", "client_balance_sat");
        Max(client, info.MaxInitialClientBalanceSat, "max_initial_client_balance_sat", "client_balance_sat");
        // Both are below their maxima now, so the sum cannot overflow.
        Min(lsp + client, info.MinChannelBalanceSat, "min_channel_balance_sat", "lsp_balance_sat + client_balance_sat");
        Max(lsp + client, info.MaxChannelBalanceSat, "max_channel_balance_sat", "lsp_balance_sat + client_balance_sat");
        Min((ulong)request.RequiredChannelConfirmations, info.MinRequiredChannelConfirmations, "min_required_channel_confirmations", "required_channel_confirmations");
        Min((ulong)request.FundingConfirmsWithinBlocks, info.MinFundingConfirmsWithinBlocks, "min_funding_confirms_within_blocks", "funding_confirms_within_blocks");
        Max((ulong)request.ChannelExpiryBlocks, info.MaxChannelExpiryBlocks, "max_channel_expiry_blocks", "channel_expiry_blocks");
    }

    private static void Min(ulong value, long min, string infoField, string what)
    {
        if (value < (ulong)min)
            throw Lsps1Exception.Mismatch(infoField, $"{what} {value} is below the minimum {min}.");
    }

    private static void Max(ulong value, long max, string infoField, string what)
    {
        if (value > (ulong)max)
            throw Lsps1Exception.Mismatch(infoField, $"{what} {value} is above the maximum {max}.");
    }
}
