using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Magma.Payments.Webhooks;

/// <summary>
/// Records delivery results in batches: while one unit waits for its commit, the results that finish meanwhile
/// gather and go into the next unit together. Under load that is one writer unit per batch instead of one per POST,
/// which keeps the single writer free for the payments that produce the events.
/// </summary>
internal sealed class WebhookResultRecorder(WebhookDeliveryStore store, ILogger logger)
{
    public const int MaxBatch = 256;

    private readonly Channel<(WebhookDeliveryJob Job, WebhookDeliveryOutcome Outcome)> _results =
        Channel.CreateUnbounded<(WebhookDeliveryJob, WebhookDeliveryOutcome)>(new UnboundedChannelOptions { SingleReader = true });

    public void Add(WebhookDeliveryJob job, WebhookDeliveryOutcome outcome) => _results.Writer.TryWrite((job, outcome));

    /// <summary>Runs until <see cref="Complete"/> is called and everything added before it is recorded.</summary>
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
            batch.Clear();
        }
    }

    public void Complete() => _results.Writer.TryComplete();
}
