using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Transactions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Magma.Payments.Jobs;

/// <summary>
/// Follows the node's invoice stream so a payment completes its receive within milliseconds. After every
/// (re)subscription it checks all pending receives, because events sent while it was away are not replayed.
/// </summary>
public sealed class InvoiceEventListener(EnvironmentNodes nodes, InvoiceSettlement settlement, TransactionReconciler reconciler, TimeProvider time, ILogger<InvoiceEventListener> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(nodes.LiveAvailable
            ? [Follow(EnvironmentType.Sandbox, stoppingToken), Follow(EnvironmentType.Live, stoppingToken)]
            : [Follow(EnvironmentType.Sandbox, stoppingToken)]);

    private async Task Follow(EnvironmentType type, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = nodes.For(type).SubscribeInvoices(stoppingToken).GetAsyncEnumerator(stoppingToken);
                await using (updates)
                {
                    var next = updates.MoveNextAsync();
                    await reconciler.CatchUp(type, stoppingToken);
                    while (await next)
                    {
                        await settlement.Apply(updates.Current, type);
                        next = updates.MoveNextAsync();
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The {Environment} invoice stream broke; resubscribing", type);
                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
