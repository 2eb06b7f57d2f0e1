namespace Magma.Payments.Webhooks;

/// <summary>
/// Wakes the delivery worker as soon as a unit that wrote outbox rows has committed, so delivery latency does
/// not wait for the retry sweep. Several notifications before the worker looks collapse into one wake-up.
/// </summary>
public sealed class WebhookSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; the worker will see every pending row when it runs.
        }
    }

    public Task Wait(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
