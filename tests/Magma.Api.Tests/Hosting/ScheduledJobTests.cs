using Magma.Market.Jobs;
using Magma.Market.Lsps1;
using Magma.Payments.Jobs;
using Magma.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Magma.Api.Tests.Hosting;

/// <summary>
/// The sweeps are tested as services; this checks the host really schedules them with Quartz, each repeating and
/// none allowed to overlap itself, so a slow sweep is never raced by the next tick.
/// </summary>
public sealed class ScheduledJobTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task EverySweepIsScheduledToRepeatAndNeverRunsConcurrentlyWithItself()
    {
        await using var app = new MagmaApp(_database);
        _ = app.Server;
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        // Quartz starts the scheduler once the application has started, a moment after the server is up.
        for (var i = 0; i < 200 && scheduler.Status != SchedulerStatus.Running; i++)
            await Task.Delay(25);

        Assert.Equal(SchedulerStatus.Running, scheduler.Status);
        foreach (var key in new[] { OrderDeadlinesJob.Key, OrderChainJob.Key, OrderEscrowJob.Key, Lsps1OnchainJob.Key, PaymentsSweepJob.Key })
        {
            var job = await scheduler.GetJobDetail(key);
            // Each module names its trigger after the job it fires.
            var trigger = await scheduler.GetTrigger(new TriggerKey(key.Name, key.Group));
            Assert.NotNull(job);
            Assert.NotNull(trigger);
            Assert.Equal(key, trigger.JobKey);
            Assert.True(job.ConcurrentExecutionDisallowed, $"{key} may overlap itself");
            Assert.True(trigger.MayFireAgain, $"{key} does not repeat");
        }
    }

    public void Dispose() => _database.Dispose();
}
