using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Magma.Lightning.Simnet;

/// <summary>
/// In-process fan-out of what happens on Simnet. Events are published only after the write that
/// caused them committed, so a subscriber that reads the database sees the new state.
/// </summary>
internal sealed class SimnetEvents
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _paymentWaiters = new();

    public void Publish(object @event)
    {
        foreach (var subscription in _subscriptions.Keys)
            subscription.Offer(@event);
    }

    public async IAsyncEnumerable<T> Subscribe<T>(Func<T, bool> filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var subscription = new Subscription(e => e is T typed && filter(typed));
        _subscriptions.TryAdd(subscription, 0);
        try
        {
            await foreach (var item in subscription.Reader.ReadAllAsync(cancellationToken))
                yield return (T)item;
        }
        finally
        {
            _subscriptions.TryRemove(subscription, out _);
        }
    }

    /// <summary>
    /// A task that completes when the node's outgoing payment for a hash leaves IN_FLIGHT. Take it
    /// before reading the payment's state, so a resolution between the read and the wait is not missed.
    /// </summary>
    public Task PaymentResolution(string payer, string paymentHash) =>
        _paymentWaiters.GetOrAdd(PaymentKey(payer, paymentHash), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void PaymentResolved(string payer, string paymentHash)
    {
        if (_paymentWaiters.TryRemove(PaymentKey(payer, paymentHash), out var waiter))
            waiter.TrySetResult();
    }

    private static string PaymentKey(string payer, string paymentHash) => payer + ":" + paymentHash;

    private sealed class Subscription(Func<object, bool> accepts)
    {
        private readonly Channel<object> _channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });

        public ChannelReader<object> Reader => _channel.Reader;

        public void Offer(object @event)
        {
            if (accepts(@event))
                _channel.Writer.TryWrite(@event);
        }
    }
}

/// <summary>An invoice of one node changed state.</summary>
internal sealed record SimInvoiceUpdated(string NodePubkey, LightningInvoice Invoice);

/// <summary>A channel event as one of its two nodes sees it.</summary>
internal sealed record SimChannelUpdated(string NodePubkey, ChannelEvent Event);
