using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Magma.Payments.Webhooks;
using Magma.Testing.Webhooks;

namespace Magma.Benchmarks.Receive;

/// <summary>
/// The tests' <see cref="TestReceiver"/> answering as an integrator would: it checks each delivery's signature,
/// answers 400 to a bad one, and notes when each event first arrived (a <see cref="Stopwatch"/> timestamp).
/// </summary>
internal sealed class SignedWebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> _arrivals = new();
    private TaskCompletionSource _enough = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TestReceiver _receiver = null!;
    private int _verified;
    private int _rejected;
    private int _expected = int.MaxValue;

    public string Url => _receiver.Url("/webhooks/magma");

    public string? Secret { get; set; }

    public int Verified => Volatile.Read(ref _verified);

    public int Rejected => Volatile.Read(ref _rejected);

    public IReadOnlyDictionary<string, long> Arrivals => _arrivals;

    public static async Task<SignedWebhookReceiver> Start()
    {
        var receiver = new SignedWebhookReceiver();
        receiver._receiver = await TestReceiver.Start(receiver.Answer);
        return receiver;
    }

    /// <summary>Forgets what arrived so far (after a warm-up).</summary>
    public void Reset()
    {
        _arrivals.Clear();
        Volatile.Write(ref _verified, 0);
        Volatile.Write(ref _rejected, 0);
        Volatile.Write(ref _expected, int.MaxValue);
        _enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task WaitFor(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _expected, count);
        if (Verified >= count)
            return;
        await _enough.Task.WaitAsync(timeout, cancellationToken);
    }

    private int Answer(ReceivedWebhook delivery)
    {
        var arrived = Stopwatch.GetTimestamp();
        if (WebhookSigner.Verify(Secret, delivery.Timestamp, delivery.Signature, delivery.Body, DateTimeOffset.UtcNow) != WebhookVerification.Valid)
        {
            Interlocked.Increment(ref _rejected);
            return 400;
        }
        using var envelope = JsonDocument.Parse(delivery.Body);
        var id = envelope.RootElement.GetProperty("id").GetString()!;
        // Receivers dedupe on the envelope id: a redelivery counts once.
        if (_arrivals.TryAdd(id, arrived) && Interlocked.Increment(ref _verified) >= Volatile.Read(ref _expected))
            _enough.TrySetResult();
        return 204;
    }

    public ValueTask DisposeAsync() => _receiver.DisposeAsync();
}
