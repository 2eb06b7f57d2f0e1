namespace Magma.Payments.Webhooks;

/// <summary>
/// Wakes the delivery worker as soon as a unit that queued deliveries has committed, so delivery latency does
/// not wait for the retry sweep. Several notifications before the worker looks collapse into one wake-up.
/// </summary>
public sealed class WebhookSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        // Under load the worker is often already signalled: skip it without paying for the exception Release throws
        // when full. Two racing notifiers can still both get past the check.
        if (_wake.CurrentCount > 0)
            return;
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled by the racing notifier; the worker will see every pending row when it runs.
        }
    }

    /// <summary>True if a notification woke it, false if the timeout passed first.</summary>
    public Task<bool> Wait(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
