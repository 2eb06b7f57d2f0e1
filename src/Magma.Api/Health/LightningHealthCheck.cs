using Magma.Lightning;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Magma.Api.Health;

/// <summary>Ready when the engine's own Lightning node answers GetInfo and is synced to the chain.</summary>
public sealed class LightningHealthCheck(ILightningNode node) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var info = await node.GetInfo(cancellationToken);
            return info.SyncedToChain
                ? HealthCheckResult.Healthy($"{info.Alias} at height {info.BlockHeight} on {info.Network}")
                : HealthCheckResult.Degraded($"{info.Alias} is not synced to the chain yet");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The Lightning node is unreachable.", ex);
        }
    }
}
