using System.Text;
using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Transactions;
using Magma.Payments.Webhooks;
using Magma.Testing.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Tests.Webhooks;

public sealed class WebhookDeliveryTests : WebhookHostTest
{
    private TestReceiver _receiver = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _receiver = await TestReceiver.Start();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private Caller Admin => Caller.AdminCaller;

    [Fact]
    public async Task AnEventReachesItsEndpointAsTheStoredPayloadByteForByteAndSigned()
    {
        var endpoint = await Host.Endpoints.Create(Admin, EnvironmentId, _receiver.Url("/amboss"), null);
        await Host.StartWorker();

        var eventId = await Host.Emit(WalletId, PaymentEventTypes.Completed);
        await WebhookTestHost.Eventually(async () => (await Host.Deliveries(eventId)).Single().Status == DeliveryStatus.Success, "delivered");

        var received = Assert.Single(_receiver.Received);
        var stored = await Host.Events.FindOne(Admin, eventId);
        Assert.Equal(Encoding.UTF8.GetBytes(stored.Payload), received.Body);
        Assert.Equal(eventId, received.EnvelopeId);
        Assert.Equal("/amboss", received.Path);
        Assert.Equal("application/json", received.ContentType);
        Assert.Equal(WebhookVerification.Valid, WebhookSigner.Verify(endpoint.Secret, received.Timestamp, received.Signature, received.Body, Host.Clock.GetUtcNow()));
        Assert.Equal(Host.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(), received.Timestamp);
        var delivery = Assert.Single(stored.Deliveries);
        Assert.Equal((1, DeliveryStatus.Success, (int?)200, (string?)null), (delivery.AttemptNumber, delivery.Status, delivery.HttpStatus, delivery.ErrorMessage));
        Assert.Equal(endpoint.Endpoint.Id, delivery.WebhookEndpointId);
    }

    [Fact]
    public async Task AnEndpointOnlyGetsTheEventsItSubscribedTo()
    {
        var completedOnly = await Host.Endpoints.Create(Admin, EnvironmentId, _receiver.Url("/completed"), ["payment.completed"]);
        var everything = await Host.Endpoints.Create(Admin, EnvironmentId, _receiver.Url("/all"), []);
        var terminalFailures = await Host.Endpoints.Create(Admin, EnvironmentId, _receiver.Url("/failures"), ["payment.failed", "payment.expired"]);
        await Host.StartWorker();

        foreach (var type in WebhookEndpointService.AvailableEventTypes)
            await Host.Emit(WalletId, type);
        await WebhookTestHost.Eventually(async () => (await Host.Deliveries()).Count(d => d.Status == DeliveryStatus.Success) == 7, "seven deliveries succeeded");

        string[] TypesAt(string path) => _receiver.Received.Where(r => r.Path == path).Select(r => r.EnvelopeId!.Split(':')[0]).Order().ToArray();
        Assert.Equal(["payment.completed"], TypesAt("/completed"));
        Assert.Equal(["payment.completed", "payment.expired", "payment.failed", "payment.pending"], TypesAt("/all"));
        Assert.Equal(["payment.expired", "payment.failed"], TypesAt("/failures"));
        var byEndpoint = (await Host.Deliveries()).GroupBy(d => d.EndpointId).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(1, byEndpoint[completedOnly.Endpoint.Id]);
        Assert.Equal(4, byEndpoint[everything.Endpoint.Id]);
        Assert.Equal(2, byEndpoint[terminalFailures.Endpoint.Id]);
    }

    [Fact]
    public async Task DeliveriesToSeveralTargetsRunConcurrently()
    {
        const int targets = 5;
        var inFlight = 0;
        var peak = 0;
        var allArrived = new ManualResetEventSlim();
        _receiver.Respond = _ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            if (now == targets)
                allArrived.Set();
            allArrived.Wait(TimeSpan.FromSeconds(20));
            Interlocked.Decrement(ref inFlight);
            return 200;
        };
        for (var i = 0; i < targets; i++)
            await Host.Endpoints.Create(Admin, EnvironmentId, _receiver.Url($"/slow/{i}"), null);
        await Host.StartWorker();

        await Host.Emit(WalletId, PaymentEventTypes.Completed);
        await WebhookTestHost.Eventually(async () => (await Host.Deliveries()).All(d => d.Status == DeliveryStatus.Success), "all delivered");

        Assert.Equal(targets, peak);
    }

    [Fact]
    public async Task RotatingTheSecretChangesWhatSignsTheNextDelivery()
    {
        var created = await Host.Endpoints.Create(Admin, EnvironmentId, _receiver.Url(), null);
        await Host.StartWorker();
        await Host.Emit(WalletId, PaymentEventTypes.Pending);
        await WebhookTestHost.Eventually(() => Task.FromResult(_receiver.Received.Count == 1), "the first delivery arrived");

        var rotated = await Host.Endpoints.RotateSecret(Admin, created.Endpoint.Id);
        await Host.Emit(WalletId, PaymentEventTypes.Completed);
        await WebhookTestHost.Eventually(() => Task.FromResult(_receiver.Received.Count == 2), "the second delivery arrived");

        var (before, after) = (_receiver.Received[0], _receiver.Received[1]);
        var now = Host.Clock.GetUtcNow();
        Assert.Equal(WebhookVerification.Valid, WebhookSigner.Verify(created.Secret, before.Timestamp, before.Signature, before.Body, now));
        Assert.Equal(WebhookVerification.Valid, WebhookSigner.Verify(rotated.Secret, after.Timestamp, after.Signature, after.Body, now));
        Assert.Equal(WebhookVerification.SignatureMismatch, WebhookSigner.Verify(created.Secret, after.Timestamp, after.Signature, after.Body, now));
    }

    [Fact]
    public async Task ADeletedEndpointIsNotSentQueuedDeliveriesNorNewEvents()
    {
        var endpoint = await Host.Endpoints.Create(Admin, EnvironmentId, _receiver.Url(), null);
        var queued = await Host.Emit(WalletId, PaymentEventTypes.Pending);

        await Host.Endpoints.Delete(Admin, endpoint.Endpoint.Id);
        var later = await Host.Emit(WalletId, PaymentEventTypes.Completed);
        await Host.StartWorker();
        await WebhookTestHost.Eventually(async () => (await Host.Deliveries(queued)).Single().Status == DeliveryStatus.Failed, "the queued delivery was closed");

        var delivery = (await Host.Deliveries(queued)).Single();
        Assert.Equal("The webhook endpoint was deleted before this delivery was sent.", delivery.ErrorMessage);
        Assert.Empty(await Host.Deliveries(later));
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task ADeactivatedEndpointIsSkippedUntilItIsActiveAgain()
    {
        var endpoint = await Host.Endpoints.Create(Admin, EnvironmentId, _receiver.Url(), null);
        var queued = await Host.Emit(WalletId, PaymentEventTypes.Pending);
        await Host.Endpoints.Update(Admin, endpoint.Endpoint.Id, active: false);
        await Host.StartWorker();
        await WebhookTestHost.Eventually(async () => (await Host.Deliveries(queued)).Single().Status == DeliveryStatus.Failed, "the queued delivery was closed");
        var whileInactive = await Host.Emit(WalletId, PaymentEventTypes.Expired);

        await Host.Endpoints.Update(Admin, endpoint.Endpoint.Id, active: true);
        var afterwards = await Host.Emit(WalletId, PaymentEventTypes.Completed);
        await WebhookTestHost.Eventually(() => Task.FromResult(_receiver.Received.Count == 1), "the event after reactivation arrived");

        Assert.Equal("The webhook endpoint was deactivated before this delivery was sent.", (await Host.Deliveries(queued)).Single().ErrorMessage);
        Assert.Empty(await Host.Deliveries(whileInactive));
        Assert.Equal(afterwards, _receiver.Received.Single().EnvelopeId);
    }

    [Fact]
    public async Task AnInvoiceWebhookGetsItsOwnUnsignedBodyAndLeavesTheHttpStatusOnTheTransaction()
    {
        _receiver.Respond = r => r.Path == "/broken" ? 500 : 200;
        await Host.StartWorker();

        var paid = await Host.Emit(WalletId, PaymentEventTypes.Completed, webhookUrl: _receiver.Url("/lnbits"));
        var failing = await Host.Emit(WalletId, PaymentEventTypes.Completed, webhookUrl: _receiver.Url("/broken"));
        await WebhookTestHost.Eventually(async () => (await Host.Deliveries()).Count(d => d.Status != DeliveryStatus.InProgress && d.Status != DeliveryStatus.Pending) == 2, "both attempts finished");

        var received = _receiver.Received.Single(r => r.Path == "/lnbits");
        var delivery = (await Host.Deliveries(paid)).Single();
        Assert.Null(delivery.EndpointId);
        Assert.Equal(Encoding.UTF8.GetBytes(delivery.Body!), received.Body);
        Assert.Contains("\"payment_hash\"", received.Text);
        Assert.Null(received.Signature);
        Assert.Null(received.Timestamp);
        Assert.Equal("200", await WebhookStatus(paid));
        Assert.Equal("500", await WebhookStatus(failing));
        Assert.Contains("HTTP 500", (await Host.Deliveries(failing)).First().ErrorMessage);
    }

    [Fact]
    public async Task ANameThatRebindsToAPrivateAddressAfterValidationIsRefusedAtDeliveryTime()
    {
        Host.Options.Webhooks.AllowInsecureSandboxUrls = false;
        Host.Dns.Map("hooks.example.com", "93.184.216.34");
        await Host.Endpoints.Create(Admin, EnvironmentId, $"https://hooks.example.com:{_receiver.Port}/hook", null);
        Host.Dns.Map("hooks.example.com", "127.0.0.1");
        await Host.StartWorker();

        var eventId = await Host.Emit(WalletId, PaymentEventTypes.Completed);
        await WebhookTestHost.Eventually(async () => (await Host.Deliveries(eventId)).Any(d => d.Status == DeliveryStatus.Failed), "the first attempt failed");

        var attempt = (await Host.Deliveries(eventId)).First();
        Assert.Null(attempt.HttpStatus);
        Assert.Contains("Refused to connect: hooks.example.com resolves to 127.0.0.1, which is not a public address (loopback)", attempt.ErrorMessage);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task AReceiverThatDoesNotAnswerInTimeFailsTheAttempt()
    {
        Host.Options.Webhooks.RequestTimeout = TimeSpan.FromMilliseconds(300);
        _receiver.Hold = TimeSpan.FromSeconds(3);
        await Host.StartWorker();

        var slow = await Host.Emit(WalletId, PaymentEventTypes.Completed, webhookUrl: _receiver.Url("/slow"));
        await WebhookTestHost.Eventually(async () => (await Host.Deliveries(slow)).Any(d => d.Status == DeliveryStatus.Failed), "the attempt failed");

        var attempt = (await Host.Deliveries(slow)).First();
        Assert.Equal("The endpoint did not answer within 0.3 s.", attempt.ErrorMessage);
        Assert.Null(attempt.HttpStatus);
        Assert.Equal("-1", await WebhookStatus(slow));
    }

    [Fact]
    public async Task ARedirectIsNotFollowedAndAnUnusableUrlIsReported()
    {
        _receiver.Respond = r => r.Path == "/moved" ? 302 : 200;
        await Host.StartWorker();

        var moved = await Host.Emit(WalletId, PaymentEventTypes.Completed, webhookUrl: _receiver.Url("/moved"));
        var unusable = await Host.Emit(WalletId, PaymentEventTypes.Completed, webhookUrl: "ftp://127.0.0.1/hook");
        await WebhookTestHost.Eventually(async () => (await Host.Deliveries()).Count(d => d.Status == DeliveryStatus.Failed) >= 2, "both attempts failed");

        Assert.Equal("The endpoint answered HTTP 302 (Found); redirects are not followed.", (await Host.Deliveries(moved)).First().ErrorMessage);
        Assert.StartsWith("Could not deliver to ftp://127.0.0.1/hook:", (await Host.Deliveries(unusable)).First().ErrorMessage);
        Assert.Single(_receiver.Received);
    }

    private async Task<string?> WebhookStatus(string eventId)
    {
        var transactionId = eventId.Split(':')[1];
        await using var db = Host.Database.Read<PaymentsDbContext>();
        return (await db.Transactions.SingleAsync(t => t.Id == transactionId)).WebhookStatus;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
