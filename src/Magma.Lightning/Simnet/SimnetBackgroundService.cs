using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Magma.Lightning.Simnet;

/// <summary>Simnet's clock: mines on <see cref="SimnetOptions.BlockInterval"/> and cancels expired invoices.</summary>
public sealed class SimnetBackgroundService(SimnetNetwork network, SimnetOptions options, TimeProvider time, ILogger<SimnetBackgroundService> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            options.BlockInterval > TimeSpan.Zero ? Every(options.BlockInterval, () => network.Mine(1), stoppingToken) : Task.CompletedTask,
            options.ExpirySweepInterval > TimeSpan.Zero ? Every(options.ExpirySweepInterval, network.CancelExpiredInvoices, stoppingToken) : Task.CompletedTask);

    private async Task Every(TimeSpan interval, Func<Task<int>> work, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await work();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "A Simnet background step failed; it runs again on the next tick");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
