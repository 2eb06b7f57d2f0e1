using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Magma.Payments.Webhooks;

/// <summary>
/// Records delivery results in batches: while one unit waits for its commit, the results that finish meanwhile
/// gather and go into the next unit together. Under load that is one writer unit per batch instead of one per POST,
/// which keeps the single writer free for the payments that produce the events.
/// </summary>
internal sealed class WebhookResultRecorder(WebhookDeliveryStore store, ILogger logger, Action<IEnumerable<string>> recorded)
{
    public const int MaxBatch = 256;

    private readonly Channel<(WebhookDeliveryJob Job, WebhookDeliveryOutcome Outcome)> _results =
        Channel.CreateUnbounded<(WebhookDeliveryJob, WebhookDeliveryOutcome)>(new UnboundedChannelOptions { SingleReader = true });

    public void Add(WebhookDeliveryJob job, WebhookDeliveryOutcome outcome) => _results.Writer.TryWrite((job, outcome));

    /// <summary>
    /// Runs until <see cref="Complete"/> is called and everything added before it is recorded. Reports each batch's
    /// delivery ids once its unit is done, whether it committed or not.
    /// </summary>
    public async Task Run()
    {
        var batch = new List<(WebhookDeliveryJob, WebhookDeliveryOutcome)>(MaxBatch);
        var reader = _results.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var result))
                batch.Add(result);
            try
            {
                await store.Record(batch);
            }
            catch (Exception ex)
            {
                // Those rows stay IN_PROGRESS; the sweep hands them back and they are sent again.
                logger.LogError(ex, "Recording {Count} webhook delivery results failed", batch.Count);
            }
            recorded(batch.Select(r => r.Item1.DeliveryId));
            batch.Clear();
        }
    }

    public void Complete() => _results.Writer.TryComplete();
}
