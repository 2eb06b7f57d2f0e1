namespace Magma.Payments.Webhooks;

/// <summary>
/// Exponential backoff: after attempt <c>n</c> fails, wait <c>min(InitialRetryDelay · 2^(n−1), MaxRetryDelay)</c>
/// plus up to a tenth more at random, so endpoints that failed together do not all retry in the same instant.
/// </summary>
public static class WebhookRetrySchedule
{
    public static TimeSpan BaseDelay(int failedAttempt, TimeSpan initial, TimeSpan max)
    {
        var ticks = Math.Max(0, initial.Ticks);
        for (var i = 1; i < failedAttempt && ticks < max.Ticks; i++)
            ticks = ticks > max.Ticks / 2 ? max.Ticks : ticks * 2;
        return TimeSpan.FromTicks(Math.Min(ticks, max.Ticks));
    }

    public static TimeSpan Delay(int failedAttempt, PaymentsOptions.WebhookOptions options)
    {
        var delay = BaseDelay(failedAttempt, options.InitialRetryDelay, options.MaxRetryDelay);
        return delay + TimeSpan.FromTicks(Random.Shared.NextInt64(delay.Ticks / 10 + 1));
    }
}
