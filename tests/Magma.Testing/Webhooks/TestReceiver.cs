using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Magma.Testing.Webhooks;

/// <summary>One POST as the receiver saw it, raw body included.</summary>
public sealed record ReceivedWebhook(string Path, byte[] Body, string? Timestamp, string? Signature, string? ContentType, int AnsweredStatus)
{
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>The envelope id receivers dedupe on; null for a body that is not a Rails-style event.</summary>
    public string? EnvelopeId
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
        }
    }
}

/// <summary>A Kestrel receiver on 127.0.0.1 that records every request and answers what <see cref="Respond"/> says.</summary>
public sealed class TestReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private WebApplication _app = null!;

    private TestReceiver(Func<ReceivedWebhook, int> respond) => Respond = respond;

    public Func<ReceivedWebhook, int> Respond { get; set; }

    /// <summary>How long to sit on each request before answering, without holding a thread.</summary>
    public TimeSpan Hold { get; set; }

    public int Port { get; private set; }

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public string Url(string path = "/hook") => $"http://127.0.0.1:{Port}{path}";

    public static async Task<TestReceiver> Start(Func<ReceivedWebhook, int>? respond = null, int port = 0)
    {
        var receiver = new TestReceiver(respond ?? (_ => 200));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        receiver._app = builder.Build();
        receiver._app.Run(receiver.Handle);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Port = new Uri(address).Port;
        return receiver;
    }

    /// <summary>A loopback port nobody listens on (yet): connecting to it is refused.</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task Handle(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var headers = context.Request.Headers;
        var probe = new ReceivedWebhook(context.Request.Path, buffer.ToArray(), headers["x-webhook-timestamp"].FirstOrDefault(),
            headers["x-webhook-signature"].FirstOrDefault(), context.Request.ContentType, 0);
        if (Hold > TimeSpan.Zero)
            await Task.Delay(Hold);
        var status = Respond(probe);
        _received.Enqueue(probe with { AnsweredStatus = status });
        context.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
