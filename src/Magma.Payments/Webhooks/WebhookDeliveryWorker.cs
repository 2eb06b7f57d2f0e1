using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Magma.Payments.Webhooks;

/// <summary>
/// Drains the webhook outbox. It wakes when a unit that wrote deliveries commits (<see cref="WebhookSignal"/>) and
/// at least every second for retries, claims due rows, and keeps up to <see cref="MaxInFlight"/> POSTs running at
/// once: a slow endpoint holds one slot, not the whole queue. Results are recorded in batches as they come in.
/// </summary>
public sealed class WebhookDeliveryWorker(
    WebhookDeliveryStore store,
    WebhookSender sender,
    WebhookSignal signal,
    IOptions<PaymentsOptions> options,
    TimeProvider time,
    ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    public const int MaxInFlight = 128;
    public const int BatchSize = 128;
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _slots = new(MaxInFlight, MaxInFlight);
    private readonly HashSet<Task> _running = [];
    // Claimed deliveries still being sent or recorded: the sweep must not hand these back.
    private readonly ConcurrentDictionary<string, byte> _held = new();
    private WebhookResultRecorder _recorder = null!;
    private Task? _signalled;
    private DateTimeOffset? _lastSweep;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        _recorder = new WebhookResultRecorder(store, logger, Unhold);
        var recording = _recorder.Run();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await RunOnce(stoppingToken))
                        continue;
                    await WaitForWork(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Webhook delivery pass failed; retrying shortly");
                    await Task.Delay(PollInterval, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await DrainRunning();
            _recorder.Complete();
            await recording;
        }
    }

    /// <summary>One pass; true when it filled its capacity and more may be due right away.</summary>
    private async Task<bool> RunOnce(CancellationToken stoppingToken)
    {
        await SweepIfDue();
        var capacity = Math.Min(BatchSize, _slots.CurrentCount);
        if (capacity == 0)
        {
            await _slots.WaitAsync(stoppingToken);
            _slots.Release();
            return true;
        }
        if (!await store.AnyDue())
            return false;
        var (jobs, full) = await store.ClaimDue(capacity);
        foreach (var job in jobs)
            _held[job.DeliveryId] = 0;
        foreach (var job in jobs)
        {
            await _slots.WaitAsync(stoppingToken);
            Track(Deliver(job, stoppingToken));
        }
        return full;
    }

    private async Task Deliver(WebhookDeliveryJob job, CancellationToken stoppingToken)
    {
        try
        {
            _recorder.Add(job, await sender.Send(job, stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseQuietly(job);
            Unhold([job.DeliveryId]);
        }
        catch (Exception ex)
        {
            // The row stays IN_PROGRESS; the sweep hands it back once it is clearly stale.
            logger.LogError(ex, "Sending webhook delivery {DeliveryId} failed unexpectedly", job.DeliveryId);
            Unhold([job.DeliveryId]);
        }
        finally
        {
            _slots.Release();
        }
    }

    private void Unhold(IEnumerable<string> deliveryIds)
    {
        foreach (var id in deliveryIds)
            _held.TryRemove(id, out _);
    }

    private async Task ReleaseQuietly(WebhookDeliveryJob job)
    {
        try
        {
            await store.Release(job.DeliveryId);
        }
        catch (Exception ex)
        {
            // Start-up recovery picks the row up instead.
            logger.LogDebug(ex, "Could not release webhook delivery {DeliveryId} on stop", job.DeliveryId);
        }
    }

    /// <summary>
    /// The first pass resumes whatever the last run left IN_PROGRESS. Later passes hand back rows stuck IN_PROGRESS that
    /// this run no longer holds (a failed result write) once they are older than twice the request timeout.
    /// </summary>
    private async Task SweepIfDue()
    {
        var now = time.GetUtcNow();
        var timeout = options.Value.Webhooks.RequestTimeout;
        if (_lastSweep is null)
        {
            var resumed = await store.RecoverInterrupted();
            _lastSweep = now;
            if (resumed > 0)
                logger.LogInformation("Resuming {Count} webhook deliveries interrupted by the last stop", resumed);
            return;
        }
        if (now - _lastSweep < timeout)
            return;
        _lastSweep = now;
        var recovered = await store.RecoverInterrupted((now - 2 * timeout).UtcDateTime, _held.Keys.ToHashSet());
        if (recovered > 0)
            logger.LogWarning("Handed {Count} stale in-progress webhook deliveries back to the queue", recovered);
    }

    private async Task WaitForWork(CancellationToken stoppingToken)
    {
        // One wait on the signal stays outstanding across passes, so a notification is never consumed unseen.
        _signalled ??= signal.Wait(Timeout.InfiniteTimeSpan, stoppingToken);
        using var pollCancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var poll = Task.Delay(PollInterval, time, pollCancel.Token);
        var woken = await Task.WhenAny(_signalled, poll);
        if (woken == _signalled)
        {
            _signalled = null;
            pollCancel.Cancel();
        }
        await woken;
    }

    private void Track(Task delivery)
    {
        lock (_running)
            _running.Add(delivery);
        delivery.ContinueWith(t =>
        {
            lock (_running)
                _running.Remove(t);
        }, TaskScheduler.Default);
    }

    private async Task DrainRunning()
    {
        Task[] running;
        lock (_running)
            running = [.. _running];
        await Task.WhenAll(running);
    }

    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }
}
