using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Transactions;
using Magma.Testing.Webhooks;

namespace Magma.Payments.Tests.Webhooks;

public sealed class WebhookRestartTests : WebhookHostTest
{

    [Fact]
    public async Task DeliveriesLeftInProgressByACrashAreSentAfterTheRestart()
    {
        await using var receiver = await TestReceiver.Start();
        await Host.Endpoints.Create(Caller.AdminCaller, EnvironmentId, receiver.Url(), null);
        var events = new[]
        {
            await Host.Emit(WalletId, PaymentEventTypes.Pending),
            await Host.Emit(WalletId, PaymentEventTypes.Completed),
            await Host.Emit(WalletId, PaymentEventTypes.Expired),
        };
        // The process claimed them and died before sending: the rows stay IN_PROGRESS.
        var (claimed, _) = await Host.Store.ClaimDue(10);
        Assert.Equal(3, claimed.Count);
        Assert.All(await Host.Deliveries(), d => Assert.Equal(DeliveryStatus.InProgress, d.Status));

        await Host.Restart();
        await Host.StartWorker();
        await WebhookTestHost.Eventually(async () => (await Host.Deliveries()).All(d => d.Status == DeliveryStatus.Success), "everything was delivered");

        Assert.Equal(events.Order(), receiver.Received.Select(r => r.EnvelopeId).Order());
        Assert.All(await Host.Deliveries(), d => Assert.Equal(1, d.AttemptNumber));
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
        await Host.Endpoints.Create(Caller.AdminCaller, EnvironmentId, receiver.Url(), null);
        await Host.StartWorker();
        var eventId = await Host.Emit(WalletId, PaymentEventTypes.Completed);
        await WebhookTestHost.Eventually(() => Task.FromResult(arrived.IsSet), "the receiver holds the request");

        await Host.StopWorker();
        var afterStop = (await Host.Deliveries(eventId)).Single();
        release.Set();
        await Host.Restart();
        await Host.StartWorker();
        await WebhookTestHost.Eventually(async () => (await Host.Deliveries(eventId)).Single().Status == DeliveryStatus.Success, "the event was delivered after the restart");

        Assert.Equal(DeliveryStatus.Pending, afterStop.Status);
        Assert.Contains(receiver.Received, r => r.EnvelopeId == eventId);
    }
}
