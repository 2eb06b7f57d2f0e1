using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Transactions;
using Magma.Payments.Webhooks;
using Magma.Testing.Webhooks;

namespace Magma.Payments.Tests.Webhooks;

public sealed class WebhookRetryTests : WebhookHostTest
{

    [Fact]
    public async Task AReceiverThatIsDownForAWhileGetsEveryEventExactlyOnceWhenItRecovers()
    {
        var down = true;
        await using var receiver = await TestReceiver.Start(_ => Volatile.Read(ref down) ? 503 : 200);
        await Host.Endpoints.Create(Caller.AdminCaller, EnvironmentId, receiver.Url(), null);
        await Host.StartWorker();
        var events = new List<string>();
        for (var i = 0; i < 5; i++)
            events.Add(await Host.Emit(WalletId, PaymentEventTypes.Completed));

        await Host.AdvanceUntil(async () => (await Host.Deliveries()).Count(d => d.Status == DeliveryStatus.Failed) >= 3 * events.Count, "every event failed three times");
        Volatile.Write(ref down, false);
        await Host.AdvanceUntil(async () => (await Host.Deliveries()).Count(d => d.Status == DeliveryStatus.Success) == events.Count, "every event was accepted");
        for (var i = 0; i < 3; i++)
            Host.Clock.Advance(Host.RetryStep);

        var accepted = receiver.Received.Where(r => r.AnsweredStatus == 200).Select(r => r.EnvelopeId).Order().ToList();
        Assert.Equal(events.Order(), accepted);
        foreach (var eventId in events)
        {
            var log = (await Host.Events.FindOne(Caller.AdminCaller, eventId)).Deliveries;
            Assert.Equal(Enumerable.Range(1, log.Count), log.Select(d => d.AttemptNumber));
            Assert.True(log.Count >= 4);
            Assert.All(log.SkipLast(1), d =>
            {
                Assert.Equal(DeliveryStatus.Failed, d.Status);
                Assert.Equal(503, d.HttpStatus);
                Assert.Equal("The endpoint answered HTTP 503 (Service Unavailable).", d.ErrorMessage);
            });
            Assert.Equal((DeliveryStatus.Success, (int?)200), (log[^1].Status, log[^1].HttpStatus));
        }
        Assert.DoesNotContain(await Host.Deliveries(), d => d.Status is DeliveryStatus.Pending or DeliveryStatus.InProgress);
    }

    [Fact]
    public async Task AReceiverThatIsNotListeningYetGetsTheEventOnceItStarts()
    {
        var port = TestReceiver.FreePort();
        await Host.Endpoints.Create(Caller.AdminCaller, EnvironmentId, $"http://127.0.0.1:{port}/hook", null);
        await Host.StartWorker();
        var eventId = await Host.Emit(WalletId, PaymentEventTypes.Completed);
        await Host.AdvanceUntil(async () => (await Host.Deliveries(eventId)).Count(d => d.Status == DeliveryStatus.Failed) >= 2, "two attempts were refused");

        await using var receiver = await TestReceiver.Start(port: port);
        await Host.AdvanceUntil(async () => (await Host.Deliveries(eventId)).Any(d => d.Status == DeliveryStatus.Success), "the event was accepted");

        Assert.Equal(eventId, receiver.Received.Single().EnvelopeId);
        var log = await Host.Deliveries(eventId);
        Assert.All(log.SkipLast(1), d =>
        {
            Assert.Null(d.HttpStatus);
            Assert.StartsWith("Could not deliver:", d.ErrorMessage);
        });
    }

    [Fact]
    public async Task RetriesBackOffExponentiallyAndStopAtMaxAttempts()
    {
        Host.Options.Webhooks.MaxAttempts = 3;
        await using var receiver = await TestReceiver.Start(_ => 500);
        await Host.Endpoints.Create(Caller.AdminCaller, EnvironmentId, receiver.Url(), null);
        await Host.StartWorker();

        var eventId = await Host.Emit(WalletId, PaymentEventTypes.Failed);
        await Host.AdvanceUntil(async () => (await Host.Deliveries(eventId)).Count(d => d.Status == DeliveryStatus.Failed) == 3, "three attempts failed");
        for (var i = 0; i < 3; i++)
            Host.Clock.Advance(Host.RetryStep);

        var log = await Host.Deliveries(eventId);
        Assert.Equal([1, 2, 3], log.Select(d => d.AttemptNumber));
        Assert.All(log, d => Assert.Equal(DeliveryStatus.Failed, d.Status));
        Assert.EndsWith("Giving up after 3 attempts.", log[^1].ErrorMessage);
        Assert.Equal(3, receiver.Received.Count);
        var firstGap = log[1].NextAttemptAt - log[0].UpdatedAt;
        Assert.InRange(firstGap, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.1));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(10, 512)]
    [InlineData(11, 600)]
    [InlineData(200, 600)]
    public void TheBackoffDoublesFromTheInitialDelayUpToTheMaximum(int failedAttempt, int expectedSeconds)
    {
        var delay = WebhookRetrySchedule.BaseDelay(failedAttempt, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Fact]
    public void JitterAddsAtMostATenth()
    {
        var options = new PaymentsOptions.WebhookOptions { InitialRetryDelay = TimeSpan.FromSeconds(8), MaxRetryDelay = TimeSpan.FromMinutes(10) };

        var delays = Enumerable.Range(0, 200).Select(_ => WebhookRetrySchedule.Delay(2, options)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(17.6)));
    }
}
