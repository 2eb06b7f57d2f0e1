using Magma.Payments.Data;
using Magma.Payments.Errors;
using Microsoft.Extensions.Options;

namespace Magma.Payments.Assets;

/// <summary>
/// BTC everywhere; in sandbox environments also simulated USDT and USDC (precision 6), priced by
/// <c>Payments:Sandbox:BtcUsdPriceCents</c>.
/// </summary>
public sealed class AssetCatalog(IOptions<PaymentsOptions> options)
{
    public static readonly Asset Btc = new(Asset.BtcId, "BTC", "Bitcoin", 8, AssetType.BaseAsset, SandboxOnly: false);
    public static readonly Asset Usdt = new("f1b6d1c2-3a4e-4d7a-9a1b-0000000000a1", "USDT", "Tether USD (simulated)", 6, AssetType.TaprootAsset, SandboxOnly: true);
    public static readonly Asset Usdc = new("f1b6d1c2-3a4e-4d7a-9a1b-0000000000a2", "USDC", "USD Coin (simulated)", 6, AssetType.TaprootAsset, SandboxOnly: true);

    private static readonly Asset[] All = [Btc, Usdt, Usdc];

    /// <summary>Assets listed to a caller: the sandbox ones only where sandbox is in play.</summary>
    public IReadOnlyList<Asset> List(bool includeSandbox) => All.Where(a => includeSandbox || !a.SandboxOnly).ToList();

    public Asset Require(string? assetId, EnvironmentType environment)
    {
        var asset = All.FirstOrDefault(a => string.Equals(a.Id, assetId, StringComparison.OrdinalIgnoreCase));
        if (asset is null || (asset.SandboxOnly && environment != EnvironmentType.Sandbox))
            throw new MagmaException(PaymentErrors.AssetNotFound, $"Unknown asset_id '{assetId}' for a {environment.ToString().ToUpperInvariant()} environment.", "asset_id");
        return asset;
    }

    public Asset Get(string assetId) => All.First(a => a.Id == assetId);

    /// <summary>Whole-BTC price in US cents, the base of every stablecoin conversion.</summary>
    public long BtcUsdCents => options.Value.Sandbox.BtcUsdPriceCents;
}
