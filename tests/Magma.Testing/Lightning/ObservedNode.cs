using System.Reflection;
using System.Runtime.CompilerServices;
using Magma.Lightning;

namespace Magma.Testing.Lightning;

/// <summary>
/// The engine's node as the engine sees it, with a seam for tests: every call goes to the real Simnet node, but a
/// test can run a step just before a call (to interleave another operation at an exact point) or make a call fail
/// once (a node hiccup or a crash between two steps). It also reports when the event streams are subscribed, so a
/// test does not race the listeners' start.
/// </summary>
public class ObservedNode : DispatchProxy
{
    private readonly List<(string Method, Func<object?[], bool> When, Func<Task> Step)> _before = [];
    private readonly List<(string Method, Func<object?[], bool> When, bool AfterCall)> _failures = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _finished = new();
    private ILightningNode _inner = null!;
    private int _subscriptions;

    public static ILightningNode Wrap(ILightningNode inner, out ObservedNode observed)
    {
        var proxy = Create<ILightningNode, ObservedNode>();
        observed = (ObservedNode)(object)proxy;
        observed._inner = inner;
        return proxy;
    }

    /// <summary>Event streams subscribed so far (invoice and block streams register on their first read).</summary>
    public int Subscriptions => Volatile.Read(ref _subscriptions);

    /// <summary>How many calls of a method have finished (answered or failed).</summary>
    public int Finished(string method) => _finished.GetValueOrDefault(method);

    /// <summary>Runs <paramref name="step"/> once, just before the first matching call reaches the node.</summary>
    public void Before(string method, Func<object?[], bool> when, Func<Task> step)
    {
        lock (_before)
            _before.Add((method, when, step));
    }

    /// <summary>The first matching call fails once: before the node acted, or after it acted but before the answer came back.</summary>
    public void FailOnce(string method, Func<object?[], bool> when, bool afterCall = false)
    {
        lock (_failures)
            _failures.Add((method, when, afterCall));
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var method = targetMethod!;
        var arguments = args ?? [];
        var step = TakeFirst(_before, e => e.Method == method.Name && e.When(arguments))?.Step;
        var failure = TakeFirst(_failures, e => e.Method == method.Name && e.When(arguments))?.AfterCall;
        if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var resultType = method.ReturnType.GetGenericArguments()[0];
            return typeof(ObservedNode).GetMethod(nameof(Call), BindingFlags.NonPublic | BindingFlags.Instance)!
                .MakeGenericMethod(resultType).Invoke(this, [method, arguments, step, failure]);
        }
        var result = Forward(method, arguments);
        return result switch
        {
            IAsyncEnumerable<LightningInvoice> invoices => Announce(invoices),
            IAsyncEnumerable<BlockEpoch> blocks => Announce(blocks),
            _ => result,
        };
    }

    private async Task<T> Call<T>(MethodInfo method, object?[] args, Func<Task>? step, bool? failAfterCall)
    {
        try
        {
            if (step is not null)
                await step();
            if (failAfterCall == false)
                throw new IOException($"Simulated node failure before {method.Name}.");
            var result = await (Task<T>)Forward(method, args)!;
            if (failAfterCall == true)
                throw new IOException($"Simulated node failure after {method.Name} was carried out.");
            return result;
        }
        finally
        {
            _finished.AddOrUpdate(method.Name, 1, (_, n) => n + 1);
        }
    }

    private object? Forward(MethodInfo method, object?[] args)
    {
        try
        {
            return method.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    private async IAsyncEnumerable<T> Announce<T>(IAsyncEnumerable<T> stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var items = stream.GetAsyncEnumerator(cancellationToken);
        // The first MoveNextAsync registers the subscription before it waits for an item.
        var next = items.MoveNextAsync();
        Interlocked.Increment(ref _subscriptions);
        while (await next)
        {
            yield return items.Current;
            next = items.MoveNextAsync();
        }
    }

    private static T? TakeFirst<T>(List<T> pending, Func<T, bool> matches) where T : struct
    {
        lock (pending)
        {
            var index = pending.FindIndex(e => matches(e));
            if (index < 0)
                return null;
            var found = pending[index];
            pending.RemoveAt(index);
            return found;
        }
    }
}
