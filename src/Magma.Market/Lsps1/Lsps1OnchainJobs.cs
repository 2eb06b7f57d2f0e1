using Magma.Market.Escrow;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Magma.Market.Lsps1;

/// <summary>The on-chain watcher as a stateless sweep, the safety net for missed blocks and for mempool payments.</summary>
[DisallowConcurrentExecution]
public sealed class Lsps1OnchainJob(Lsps1OnchainWatcher watcher) : IJob
{
    public static readonly JobKey Key = new("lsps1-onchain", "market");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await watcher.Sweep(cancellationToken);
}

/// <summary>Runs the watcher on every block, so a confirmation opens the channel at once.</summary>
public sealed class Lsps1BlockListener(MarketPlatform platform, Lsps1OnchainWatcher watcher, TimeProvider time, ILogger<Lsps1BlockListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var _ in platform.Node.SubscribeBlocks(stoppingToken))
                    await watcher.Sweep(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Following blocks for LSPS1 on-chain payments broke; resubscribing");
            }
            await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
