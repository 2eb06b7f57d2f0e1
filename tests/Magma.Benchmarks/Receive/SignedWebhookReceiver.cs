using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Magma.Payments.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Magma.Benchmarks.Receive;

/// <summary>
/// A Kestrel receiver on 127.0.0.1 that checks each delivery's signature as an integrator would, answers 400 to a
/// bad one, and notes when each event first arrived (a <see cref="Stopwatch"/> timestamp).
/// </summary>
internal sealed class SignedWebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> _arrivals = new();
    private TaskCompletionSource _enough = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _app = null!;
    private int _verified;
    private int _rejected;
    private int _expected = int.MaxValue;

    public string Url { get; private set; } = "";

    public string? Secret { get; set; }

    public int Verified => Volatile.Read(ref _verified);

    public int Rejected => Volatile.Read(ref _rejected);

    public IReadOnlyDictionary<string, long> Arrivals => _arrivals;

    public static async Task<SignedWebhookReceiver> Start()
    {
        var receiver = new SignedWebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        receiver._app = builder.Build();
        receiver._app.Run(receiver.Handle);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/webhooks/magma";
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

    private async Task Handle(HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        var verdict = WebhookSigner.Verify(Secret, headers[WebhookSigner.TimestampHeader], headers[WebhookSigner.SignatureHeader], body, DateTimeOffset.UtcNow);
        if (verdict != WebhookVerification.Valid)
        {
            Interlocked.Increment(ref _rejected);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var envelope = JsonDocument.Parse(body);
        var id = envelope.RootElement.GetProperty("id").GetString()!;
        // Receivers dedupe on the envelope id: a redelivery counts once.
        if (_arrivals.TryAdd(id, arrived) && Interlocked.Increment(ref _verified) >= Volatile.Read(ref _expected))
            _enough.TrySetResult();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
