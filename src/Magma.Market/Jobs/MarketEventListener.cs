using Magma.Market.Escrow;
using Magma.Market.Orders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Magma.Market.Jobs;

/// <summary>
/// Follows the engine node's invoice and block streams so orders move within milliseconds of a payment or a
/// block; the Quartz sweeps run the same handlers as a safety net.
/// </summary>
public sealed class MarketEventListener(
    MarketPlatform platform,
    OrderLifecycle lifecycle,
    ChainProgress chain,
    DeadlineEnforcer deadlines,
    TimeProvider time,
    ILogger<MarketEventListener> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Follow("invoice", FollowInvoices, stoppingToken), Follow("block", FollowBlocks, stoppingToken));

    private async Task FollowInvoices(CancellationToken stoppingToken)
    {
        await foreach (var invoice in platform.Node.SubscribeInvoices(stoppingToken))
            await Handle(() => lifecycle.OnInvoice(invoice, stoppingToken));
    }

    private async Task FollowBlocks(CancellationToken stoppingToken)
    {
        await foreach (var _ in platform.Node.SubscribeBlocks(stoppingToken))
        {
            await Handle(() => chain.Sweep(stoppingToken));
            await Handle(() => deadlines.Sweep(stoppingToken));
        }
    }

    private async Task Follow(string stream, Func<CancellationToken, Task> follow, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await follow(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The {Stream} stream broke; resubscribing", stream);
            }
            await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task Handle(Func<Task> handler)
    {
        try
        {
            await handler();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Handling a node event failed; the sweep will catch up");
        }
    }
}
