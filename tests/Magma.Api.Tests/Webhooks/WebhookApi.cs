using System.Text.Json;
using Magma.Payments.Access;
using Magma.Payments.Credentials;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Wallets;
using Magma.Payments.Webhooks;
using Magma.Testing;
using Magma.Testing.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using static Magma.Api.Tests.GraphQL.GraphQLClient;

namespace Magma.Api.Tests.Webhooks;

/// <summary>
/// A running Magma with a sandbox environment, its wallet and a service key holding WEBHOOKS and PAYMENTS, plus a
/// receiver on 127.0.0.1 that answers 200 to every delivery.
/// </summary>
public sealed class WebhookApi : IAsyncLifetime
{
    private readonly TemporaryDatabase _database = new();

    public MagmaApp App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public TestReceiver Receiver { get; private set; } = null!;
    public string EnvironmentId { get; private set; } = "";
    public string WalletId { get; private set; } = "";
    public (string, string) Key { get; private set; }

    public async Task InitializeAsync()
    {
        Receiver = await TestReceiver.Start();
        App = new MagmaApp(_database);
        Client = App.CreateClient();
        var services = App.Services;
        EnvironmentId = (await services.GetRequiredService<EnvironmentService>().Create(Caller.AdminCaller, "webhooks", EnvironmentType.Sandbox)).Id;
        WalletId = (await services.GetRequiredService<WalletService>().List(Caller.AdminCaller, EnvironmentId)).Single().Id;
        Key = ApiKey((await services.GetRequiredService<ApiKeyService>().Create(Caller.AdminCaller, "webhooks", EnvironmentId, null,
            [new(PermissionResource.Webhooks, PermissionLevel.Write), new(PermissionResource.Payments, PermissionLevel.Write)])).PlaintextKey);
    }

    public async Task<JsonElement> Graph(string query, object? variables = null) => await Client.Graph(query, variables, Key);

    /// <summary>The deliveries that reached <paramref name="path"/>, once there are at least <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> ReceivedAt(string path, int count = 1)
    {
        await Received(path, d => d.Count >= count, $"{count} deliveries");
        return Receiver.Received.Where(r => r.Path == path).ToList();
    }

    /// <summary>The first delivery to <paramref name="path"/> that <paramref name="match"/> accepts, waiting for it to come.</summary>
    public async Task<ReceivedWebhook> ReceivedAt(string path, Func<ReceivedWebhook, bool> match, string what) =>
        (await Received(path, d => d.Any(match), what)).First(match);

    private async Task<IReadOnlyList<ReceivedWebhook>> Received(string path, Func<IReadOnlyList<ReceivedWebhook>, bool> done, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(30);
        while (true)
        {
            var received = Receiver.Received.Where(r => r.Path == path).ToList();
            if (done(received))
                return received;
            if (TimeProvider.System.GetUtcNow() > deadline)
                throw new TimeoutException($"Gave up waiting for {what} at {path}; received: {string.Join(" | ", received.Select(r => r.Text))}");
            await Task.Delay(25);
        }
    }

    public static void AssertSignedWith(string secret, ReceivedWebhook delivery) =>
        Assert.Equal(WebhookVerification.Valid,
            WebhookSigner.Verify(secret, delivery.Timestamp, delivery.Signature, delivery.Body, TimeProvider.System.GetUtcNow()));

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Receiver.DisposeAsync();
        _database.Dispose();
    }
}
