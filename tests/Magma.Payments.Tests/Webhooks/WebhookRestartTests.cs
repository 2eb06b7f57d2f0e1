using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Transactions;
using Magma.Testing.Webhooks;

namespace Magma.Payments.Tests.Webhooks;

public sealed class WebhookRestartTests : IAsyncLifetime
{
    private WebhookTestHost _host = null!;
    private string _environment = null!;
    private string _wallet = null!;

    public async Task InitializeAsync()
    {
        _host = await WebhookTestHost.Create();
        (_environment, _wallet) = await _host.Environment();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task DeliveriesLeftInProgressByACrashAreSentAfterTheRestart()
    {
        await using var receiver = await TestReceiver.Start();
        await _host.Endpoints.Create(Caller.AdminCaller, _environment, receiver.Url(), null);
        var events = new[]
        {
            await _host.Emit(_wallet, PaymentEventTypes.Pending),
            await _host.Emit(_wallet, PaymentEventTypes.Completed),
            await _host.Emit(_wallet, PaymentEventTypes.Expired),
        };
        // The process claimed them and died before sending: the rows stay IN_PROGRESS.
        var (claimed, _) = await _host.Store.ClaimDue(10);
        Assert.Equal(3, claimed.Count);
        Assert.All(await _host.Deliveries(), d => Assert.Equal(DeliveryStatus.InProgress, d.Status));

        await _host.Restart();
        await _host.StartWorker();
        await WebhookTestHost.Eventually(async () => (await _host.Deliveries()).All(d => d.Status == DeliveryStatus.Success), "everything was delivered");

        Assert.Equal(events.Order(), receiver.Received.Select(r => r.EnvelopeId).Order());
        Assert.All(await _host.Deliveries(), d => Assert.Equal(1, d.AttemptNumber));
    }

    [Fact]
    public async Task StoppingInTheMiddleOfADeliveryHandsItBackAndTheNextRunSendsIt()
    {
        var release = new ManualResetEventSlim();
        var arrived = new ManualResetEventSlim();
        await using var receiver = await TestReceiver.Start(_ =>
        {
            arrived.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return 200;
        });
        await _host.Endpoints.Create(Caller.AdminCaller, _environment, receiver.Url(), null);
        await _host.StartWorker();
        var eventId = await _host.Emit(_wallet, PaymentEventTypes.Completed);
        await WebhookTestHost.Eventually(() => Task.FromResult(arrived.IsSet), "the receiver holds the request");

        await _host.StopWorker();
        var afterStop = (await _host.Deliveries(eventId)).Single();
        release.Set();
        await _host.Restart();
        await _host.StartWorker();
        await WebhookTestHost.Eventually(async () => (await _host.Deliveries(eventId)).Single().Status == DeliveryStatus.Success, "the event was delivered after the restart");

        Assert.Equal(DeliveryStatus.Pending, afterStop.Status);
        Assert.Contains(receiver.Received, r => r.EnvelopeId == eventId);
    }
}
