using System.Text;
using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Transactions;
using Magma.Payments.Webhooks;
using Magma.Testing.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Tests.Webhooks;

public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private WebhookTestHost _host = null!;
    private TestReceiver _receiver = null!;
    private string _environment = null!;
    private string _wallet = null!;

    public async Task InitializeAsync()
    {
        _host = await WebhookTestHost.Create();
        _receiver = await TestReceiver.Start();
        (_environment, _wallet) = await _host.Environment();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private Caller Admin => Caller.AdminCaller;

    [Fact]
    public async Task AnEventReachesItsEndpointAsTheStoredPayloadByteForByteAndSigned()
    {
        var endpoint = await _host.Endpoints.Create(Admin, _environment, _receiver.Url("/amboss"), null);
        await _host.StartWorker();

        var eventId = await _host.Emit(_wallet, PaymentEventTypes.Completed);
        await WebhookTestHost.Eventually(async () => (await _host.Deliveries(eventId)).Single().Status == DeliveryStatus.Success, "delivered");

        var received = Assert.Single(_receiver.Received);
        var stored = await _host.Events.FindOne(Admin, eventId);
        Assert.Equal(Encoding.UTF8.GetBytes(stored.Payload), received.Body);
        Assert.Equal(eventId, received.EnvelopeId);
        Assert.Equal("/amboss", received.Path);
        Assert.Equal("application/json", received.ContentType);
        Assert.Equal(WebhookVerification.Valid, WebhookSigner.Verify(endpoint.Secret, received.Timestamp, received.Signature, received.Body, _host.Clock.GetUtcNow()));
        Assert.Equal(_host.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(), received.Timestamp);
        var delivery = Assert.Single(stored.Deliveries);
        Assert.Equal((1, DeliveryStatus.Success, (int?)200, (string?)null), (delivery.AttemptNumber, delivery.Status, delivery.HttpStatus, delivery.ErrorMessage));
        Assert.Equal(endpoint.Endpoint.Id, delivery.WebhookEndpointId);
    }

    [Fact]
    public async Task AnEndpointOnlyGetsTheEventsItSubscribedTo()
    {
        var completedOnly = await _host.Endpoints.Create(Admin, _environment, _receiver.Url("/completed"), ["payment.completed"]);
        var everything = await _host.Endpoints.Create(Admin, _environment, _receiver.Url("/all"), []);
        var terminalFailures = await _host.Endpoints.Create(Admin, _environment, _receiver.Url("/failures"), ["payment.failed", "payment.expired"]);
        await _host.StartWorker();

        foreach (var type in WebhookEndpointService.AvailableEventTypes)
            await _host.Emit(_wallet, type);
        await WebhookTestHost.Eventually(async () => (await _host.Deliveries()).Count(d => d.Status == DeliveryStatus.Success) == 7, "seven deliveries succeeded");

        string[] TypesAt(string path) => _receiver.Received.Where(r => r.Path == path).Select(r => r.EnvelopeId!.Split(':')[0]).Order().ToArray();
        Assert.Equal(["payment.completed"], TypesAt("/completed"));
        Assert.Equal(["payment.completed", "payment.expired", "payment.failed", "payment.pending"], TypesAt("/all"));
        Assert.Equal(["payment.expired", "payment.failed"], TypesAt("/failures"));
        var byEndpoint = (await _host.Deliveries()).GroupBy(d => d.EndpointId).ToDictionary(g => g.Key!, g => g.Count());
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
            await _host.Endpoints.Create(Admin, _environment, _receiver.Url($"/slow/{i}"), null);
        await _host.StartWorker();

        await _host.Emit(_wallet, PaymentEventTypes.Completed);
        await WebhookTestHost.Eventually(async () => (await _host.Deliveries()).All(d => d.Status == DeliveryStatus.Success), "all delivered");

        Assert.Equal(targets, peak);
    }

    [Fact]
    public async Task RotatingTheSecretChangesWhatSignsTheNextDelivery()
    {
        var created = await _host.Endpoints.Create(Admin, _environment, _receiver.Url(), null);
        await _host.StartWorker();
        await _host.Emit(_wallet, PaymentEventTypes.Pending);
        await WebhookTestHost.Eventually(() => Task.FromResult(_receiver.Received.Count == 1), "the first delivery arrived");

        var rotated = await _host.Endpoints.RotateSecret(Admin, created.Endpoint.Id);
        await _host.Emit(_wallet, PaymentEventTypes.Completed);
        await WebhookTestHost.Eventually(() => Task.FromResult(_receiver.Received.Count == 2), "the second delivery arrived");

        var (before, after) = (_receiver.Received[0], _receiver.Received[1]);
        var now = _host.Clock.GetUtcNow();
        Assert.Equal(WebhookVerification.Valid, WebhookSigner.Verify(created.Secret, before.Timestamp, before.Signature, before.Body, now));
        Assert.Equal(WebhookVerification.Valid, WebhookSigner.Verify(rotated.Secret, after.Timestamp, after.Signature, after.Body, now));
        Assert.Equal(WebhookVerification.SignatureMismatch, WebhookSigner.Verify(created.Secret, after.Timestamp, after.Signature, after.Body, now));
    }

    [Fact]
    public async Task ADeletedEndpointIsNotSentQueuedDeliveriesNorNewEvents()
    {
        var endpoint = await _host.Endpoints.Create(Admin, _environment, _receiver.Url(), null);
        var queued = await _host.Emit(_wallet, PaymentEventTypes.Pending);

        await _host.Endpoints.Delete(Admin, endpoint.Endpoint.Id);
        var later = await _host.Emit(_wallet, PaymentEventTypes.Completed);
        await _host.StartWorker();
        await WebhookTestHost.Eventually(async () => (await _host.Deliveries(queued)).Single().Status == DeliveryStatus.Failed, "the queued delivery was closed");

        var delivery = (await _host.Deliveries(queued)).Single();
        Assert.Equal("The webhook endpoint was deleted before this delivery was sent.", delivery.ErrorMessage);
        Assert.Empty(await _host.Deliveries(later));
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task ADeactivatedEndpointIsSkippedUntilItIsActiveAgain()
    {
        var endpoint = await _host.Endpoints.Create(Admin, _environment, _receiver.Url(), null);
        var queued = await _host.Emit(_wallet, PaymentEventTypes.Pending);
        await _host.Endpoints.Update(Admin, endpoint.Endpoint.Id, active: false);
        await _host.StartWorker();
        await WebhookTestHost.Eventually(async () => (await _host.Deliveries(queued)).Single().Status == DeliveryStatus.Failed, "the queued delivery was closed");
        var whileInactive = await _host.Emit(_wallet, PaymentEventTypes.Expired);

        await _host.Endpoints.Update(Admin, endpoint.Endpoint.Id, active: true);
        var afterwards = await _host.Emit(_wallet, PaymentEventTypes.Completed);
        await WebhookTestHost.Eventually(() => Task.FromResult(_receiver.Received.Count == 1), "the event after reactivation arrived");

        Assert.Equal("The webhook endpoint was deactivated before this delivery was sent.", (await _host.Deliveries(queued)).Single().ErrorMessage);
        Assert.Empty(await _host.Deliveries(whileInactive));
        Assert.Equal(afterwards, _receiver.Received.Single().EnvelopeId);
    }

    [Fact]
    public async Task AnInvoiceWebhookGetsItsOwnUnsignedBodyAndLeavesTheHttpStatusOnTheTransaction()
    {
        _receiver.Respond = r => r.Path == "/broken" ? 500 : 200;
        await _host.StartWorker();

        var paid = await _host.Emit(_wallet, PaymentEventTypes.Completed, webhookUrl: _receiver.Url("/lnbits"));
        var failing = await _host.Emit(_wallet, PaymentEventTypes.Completed, webhookUrl: _receiver.Url("/broken"));
        await WebhookTestHost.Eventually(async () => (await _host.Deliveries()).Count(d => d.Status != DeliveryStatus.InProgress && d.Status != DeliveryStatus.Pending) == 2, "both attempts finished");

        var received = _receiver.Received.Single(r => r.Path == "/lnbits");
        var delivery = (await _host.Deliveries(paid)).Single();
        Assert.Null(delivery.EndpointId);
        Assert.Equal(Encoding.UTF8.GetBytes(delivery.Body!), received.Body);
        Assert.Contains("\"payment_hash\"", received.Text);
        Assert.Null(received.Signature);
        Assert.Null(received.Timestamp);
        Assert.Equal("200", await WebhookStatus(paid));
        Assert.Equal("500", await WebhookStatus(failing));
        Assert.Contains("HTTP 500", (await _host.Deliveries(failing)).First().ErrorMessage);
    }

    [Fact]
    public async Task ANameThatRebindsToAPrivateAddressAfterValidationIsRefusedAtDeliveryTime()
    {
        _host.Options.Webhooks.AllowInsecureSandboxUrls = false;
        _host.Dns.Map("hooks.example.com", "93.184.216.34");
        await _host.Endpoints.Create(Admin, _environment, $"https://hooks.example.com:{_receiver.Port}/hook", null);
        _host.Dns.Map("hooks.example.com", "127.0.0.1");
        await _host.StartWorker();

        var eventId = await _host.Emit(_wallet, PaymentEventTypes.Completed);
        await WebhookTestHost.Eventually(async () => (await _host.Deliveries(eventId)).Any(d => d.Status == DeliveryStatus.Failed), "the first attempt failed");

        var attempt = (await _host.Deliveries(eventId)).First();
        Assert.Null(attempt.HttpStatus);
        Assert.Contains("Refused to connect: hooks.example.com resolves to 127.0.0.1, which is not a public address (loopback)", attempt.ErrorMessage);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task AReceiverThatDoesNotAnswerInTimeFailsTheAttempt()
    {
        _host.Options.Webhooks.RequestTimeout = TimeSpan.FromMilliseconds(300);
        _receiver.Hold = TimeSpan.FromSeconds(3);
        await _host.StartWorker();

        var slow = await _host.Emit(_wallet, PaymentEventTypes.Completed, webhookUrl: _receiver.Url("/slow"));
        await WebhookTestHost.Eventually(async () => (await _host.Deliveries(slow)).Any(d => d.Status == DeliveryStatus.Failed), "the attempt failed");

        var attempt = (await _host.Deliveries(slow)).First();
        Assert.Equal("The endpoint did not answer within 0.3 s.", attempt.ErrorMessage);
        Assert.Null(attempt.HttpStatus);
        Assert.Equal("-1", await WebhookStatus(slow));
    }

    [Fact]
    public async Task ARedirectIsNotFollowedAndAnUnusableUrlIsReported()
    {
        _receiver.Respond = r => r.Path == "/moved" ? 302 : 200;
        await _host.StartWorker();

        var moved = await _host.Emit(_wallet, PaymentEventTypes.Completed, webhookUrl: _receiver.Url("/moved"));
        var unusable = await _host.Emit(_wallet, PaymentEventTypes.Completed, webhookUrl: "ftp://127.0.0.1/hook");
        await WebhookTestHost.Eventually(async () => (await _host.Deliveries()).Count(d => d.Status == DeliveryStatus.Failed) >= 2, "both attempts failed");

        Assert.Equal("The endpoint answered HTTP 302 (Found); redirects are not followed.", (await _host.Deliveries(moved)).First().ErrorMessage);
        Assert.StartsWith("Could not deliver to ftp://127.0.0.1/hook:", (await _host.Deliveries(unusable)).First().ErrorMessage);
        Assert.Single(_receiver.Received);
    }

    private async Task<string?> WebhookStatus(string eventId)
    {
        var transactionId = eventId.Split(':')[1];
        await using var db = _host.Database.Read<PaymentsDbContext>();
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
