using System.Text.RegularExpressions;

namespace Magma.Market.Lsps1;

/// <summary>
/// What <c>lsps1.get_info</c> announces, plus the <c>uris</c> REST clients need. Built once at start-up from
/// <see cref="Lsps1Options"/> and the house seller's offer, and refused when a minimum exceeds its maximum or the
/// LSP balance range leaves the house offer's sizes.
/// </summary>
public sealed partial record Lsps1Info(
    int MinRequiredChannelConfirmations,
    int MinFundingConfirmsWithinBlocks,
    bool SupportsZeroChannelReserve,
    long MaxChannelExpiryBlocks,
    long MinInitialClientBalanceSat,
    long MaxInitialClientBalanceSat,
    long MinInitialLspBalanceSat,
    long MaxInitialLspBalanceSat,
    long MinChannelBalanceSat,
    long MaxChannelBalanceSat,
    IReadOnlyList<string> Uris)
{
    public static Lsps1Info Build(Lsps1Options options, MarketOptions.HouseSellerOptions house, IEnumerable<string> nodeUris)
    {
        var minLsp = options.MinInitialLspBalanceSat ?? house.MinSizeSat;
        var maxLsp = options.MaxInitialLspBalanceSat ?? house.MaxSizeSat;
        var info = new Lsps1Info(
            options.MinRequiredChannelConfirmations, options.MinFundingConfirmsWithinBlocks, options.SupportsZeroChannelReserve,
            options.MaxChannelExpiryBlocks, options.MinInitialClientBalanceSat, options.MaxInitialClientBalanceSat, minLsp, maxLsp,
            options.MinChannelBalanceSat ?? minLsp + options.MinInitialClientBalanceSat,
            options.MaxChannelBalanceSat ?? maxLsp + options.MaxInitialClientBalanceSat,
            OrderUris(options.Uris.Count > 0 ? options.Uris : nodeUris));
        var problems = info.Problems(house).ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException("The Lsps1 configuration is inconsistent: " + string.Join("; ", problems));
        return info;
    }

    /// <summary>Every way the announced limits contradict themselves or the house offer.</summary>
    public IEnumerable<string> Problems(MarketOptions.HouseSellerOptions house)
    {
        foreach (var (name, min, max) in new[]
        {
            ("initial_client_balance_sat", MinInitialClientBalanceSat, MaxInitialClientBalanceSat),
            ("initial_lsp_balance_sat", MinInitialLspBalanceSat, MaxInitialLspBalanceSat),
            ("channel_balance_sat", MinChannelBalanceSat, MaxChannelBalanceSat),
        })
        {
            if (min < 0)
                yield return $"min_{name} must not be negative";
            if (min > max)
                yield return $"min_{name} ({min}) exceeds max_{name} ({max})";
        }
        if (MinRequiredChannelConfirmations is < 0 or > ushort.MaxValue)
            yield return "min_required_channel_confirmations must be between 0 and 65535";
        if (MinFundingConfirmsWithinBlocks is < 1 or > ushort.MaxValue)
            yield return "min_funding_confirms_within_blocks must be between 1 and 65535";
        if (MaxChannelExpiryBlocks is < 1 or > uint.MaxValue)
            yield return "max_channel_expiry_blocks must be between 1 and 4294967295";
        if (MinInitialLspBalanceSat < Math.Max(1, house.MinSizeSat) || MaxInitialLspBalanceSat > house.MaxSizeSat)
            yield return $"the LSP balance range {MinInitialLspBalanceSat}..{MaxInitialLspBalanceSat} must lie within the house offer's sizes {house.MinSizeSat}..{house.MaxSizeSat}";
        if (MaxChannelBalanceSat < MinInitialLspBalanceSat + MinInitialClientBalanceSat || MinChannelBalanceSat > MaxInitialLspBalanceSat + MaxInitialClientBalanceSat)
            yield return "the channel balance range admits no order within the LSP and client balance ranges";
    }

    /// <summary>Alby Hub connects to the first non-onion URI and insists on lower-case <c>pubkey@IPv4:port</c>; BTCPay and ZEUS read <c>uris[0]</c>.</summary>
    public static IReadOnlyList<string> OrderUris(IEnumerable<string> uris)
    {
        var cleaned = uris.Select(u => u.Trim()).Where(u => u.Length > 0)
            .Select(u => u.IndexOf('@') is var at and > 0 ? u[..at].ToLowerInvariant() + u[at..] : u)
            .Distinct().ToList();
        return cleaned.Where(u => AlbyUri().IsMatch(u)).Concat(cleaned.Where(u => !AlbyUri().IsMatch(u))).ToList();
    }

    public bool HasIpv4Uri => Uris.Count > 0 && AlbyUri().IsMatch(Uris[0]);

    [GeneratedRegex("^(02|03)[0-9a-f]{64}@[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+:[0-9]+$")]
    private static partial Regex AlbyUri();
}
