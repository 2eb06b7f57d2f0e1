using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Errors;
using Magma.Payments.Transactions;
using Magma.Payments.Webhooks;
using Magma.Testing.Webhooks;

namespace Magma.Payments.Tests.Webhooks;

public sealed class WebhookEventQueriesTests : IAsyncLifetime
{
    private static readonly Caller Admin = Caller.AdminCaller;
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
    public async Task FindOneShowsTheEventWithItsDeliveryLogOldestAttemptFirst()
    {
        var flakyCalls = 0;
        await using var receiver = await TestReceiver.Start(r => r.Path == "/flaky" && Interlocked.Increment(ref flakyCalls) <= 2 ? 502 : 204);
        var flaky = await _host.Endpoints.Create(Admin, _environment, receiver.Url("/flaky"), null);
        var steady = await _host.Endpoints.Create(Admin, _environment, receiver.Url("/steady"), null);
        await _host.StartWorker();

        var eventId = await _host.Emit(_wallet, PaymentEventTypes.Completed);
        await _host.AdvanceUntil(async () => (await _host.Deliveries(eventId)).Count(d => d.Status == DeliveryStatus.Success) == 2, "both endpoints accepted");

        var found = await _host.Events.FindOne(WebhookTestHost.Key(_environment, PermissionLevel.Read), eventId);
        Assert.Equal(("payment.completed", eventId, _wallet, _environment), (found.EventType, found.IdempotencyKey, found.WalletId, found.EnvironmentId));
        Assert.Equal(eventId.Split(':')[1], found.TransactionId);
        var toFlaky = found.Deliveries.Where(d => d.WebhookEndpointId == flaky.Endpoint.Id).ToList();
        Assert.Equal([1, 2, 3], toFlaky.Select(d => d.AttemptNumber));
        Assert.Equal([DeliveryStatus.Failed, DeliveryStatus.Failed, DeliveryStatus.Success], toFlaky.Select(d => d.Status));
        Assert.Equal([502, 502, 204], toFlaky.Select(d => d.HttpStatus ?? 0));
        Assert.Equal("The endpoint answered HTTP 502 (Bad Gateway).", toFlaky[0].ErrorMessage);
        Assert.Null(toFlaky[2].ErrorMessage);
        Assert.Equal(toFlaky[^1].Id, found.Deliveries.Last(d => d.WebhookEndpointId == flaky.Endpoint.Id).Id);
        Assert.Equal(found.Deliveries.OrderBy(d => d.CreatedAt).ThenBy(d => d.AttemptNumber).Select(d => d.Id), found.Deliveries.Select(d => d.Id));
        Assert.Single(found.Deliveries, d => d.WebhookEndpointId == steady.Endpoint.Id);
    }

    [Fact]
    public async Task FindManyFiltersByDateRangeEndpointTypeTransactionAndWallet()
    {
        var endpoint = await _host.Endpoints.Create(Admin, _environment, "http://127.0.0.1:9/all", null);
        var start = _host.Clock.GetUtcNow();
        var first = await _host.Emit(_wallet, PaymentEventTypes.Pending);
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await _host.Emit(_wallet, PaymentEventTypes.Completed, transactionId: first.Split(':')[1]);
        await _host.Endpoints.Delete(Admin, endpoint.Endpoint.Id);
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        var otherWallet = await _host.AddWallet(_environment);
        var third = await _host.Emit(otherWallet, PaymentEventTypes.Failed);

        async Task<string[]> Ids(WebhookEventFilter filter) =>
            (await _host.Events.FindMany(Admin, _environment, filter)).List.Select(e => e.Id).ToArray();

        Assert.Equal([third, second, first], await Ids(new WebhookEventFilter()));
        Assert.Equal([second, first], await Ids(new WebhookEventFilter(From: start, To: start.AddMinutes(2))));
        Assert.Equal([second], await Ids(new WebhookEventFilter(From: start.AddMinutes(1), To: start.AddMinutes(2))));
        Assert.Equal([first], await Ids(new WebhookEventFilter(To: start.AddMinutes(1))));
        Assert.Equal([second, first], await Ids(new WebhookEventFilter(EndpointId: endpoint.Endpoint.Id)));
        Assert.Equal([third], await Ids(new WebhookEventFilter(EventType: "payment.failed")));
        Assert.Equal([second, first], await Ids(new WebhookEventFilter(TransactionId: first.Split(':')[1])));
        Assert.Equal([third], await Ids(new WebhookEventFilter(WalletId: otherWallet)));
        Assert.Empty(await Ids(new WebhookEventFilter(EventType: "payment.expired")));
    }

    [Fact]
    public async Task FindManyPagesNewestFirstAndCountsEveryMatch()
    {
        var events = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            events.Add(await _host.Emit(_wallet, PaymentEventTypes.Pending));
            _host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var page = await _host.Events.FindMany(Admin, _environment, page: new WebhookEventPage(Limit: 2, Offset: 2));

        Assert.Equal(5, page.TotalCount);
        Assert.Equal((2, 2), (page.Pagination.Limit, page.Pagination.Offset));
        Assert.Equal([events[2], events[1]], page.List.Select(e => e.Id));
    }

    [Theory]
    [InlineData(0, 0, "page.limit")]
    [InlineData(101, 0, "page.limit")]
    [InlineData(10, -1, "page.offset")]
    public async Task AnInvalidPageIsRejected(int limit, int offset, string property)
    {
        var error = await Assert.ThrowsAsync<MagmaException>(() => _host.Events.FindMany(Admin, _environment, page: new WebhookEventPage(limit, offset)));

        Assert.Equal((ErrorKind.Validation, property), (error.Error.Kind, error.Property));
    }

    [Fact]
    public async Task AnUnknownEventTypeOrAnInvertedDateRangeIsRejected()
    {
        var now = _host.Clock.GetUtcNow();

        var type = await Assert.ThrowsAsync<MagmaException>(() => _host.Events.FindMany(Admin, _environment, new WebhookEventFilter(EventType: "payment.nope")));
        var range = await Assert.ThrowsAsync<MagmaException>(() => _host.Events.FindMany(Admin, _environment, new WebhookEventFilter(From: now, To: now.AddDays(-1))));

        Assert.Equal("filter.event_type", type.Property);
        Assert.Equal("filter.date_range", range.Property);
    }

    [Fact]
    public async Task AnotherEnvironmentsEventsAreNotFound()
    {
        var (other, otherWallet) = await _host.Environment();
        var theirs = await _host.Emit(otherWallet, PaymentEventTypes.Completed);
        var key = WebhookTestHost.Key(_environment, PermissionLevel.Read);

        var one = await Assert.ThrowsAsync<MagmaException>(() => _host.Events.FindOne(key, theirs));
        var many = await Assert.ThrowsAsync<MagmaException>(() => _host.Events.FindMany(key, other));
        var missing = await Assert.ThrowsAsync<MagmaException>(() => _host.Events.FindOne(key, "payment.completed:" + Guid.NewGuid()));

        Assert.Equal(PaymentErrors.WebhookEventNotFound, one.Error);
        Assert.Equal(ErrorKind.NotFound, many.Error.Kind);
        Assert.Equal(PaymentErrors.WebhookEventNotFound, missing.Error);
        Assert.Equal(theirs, (await _host.Events.FindOne(WebhookTestHost.Key(other, PermissionLevel.Read), theirs)).Id);
    }

    [Fact]
    public async Task AKeyScopedToOneWalletSeesOnlyThatWalletsEvents()
    {
        var mine = await _host.Emit(_wallet, PaymentEventTypes.Completed);
        var otherWallet = await _host.AddWallet(_environment);
        var notMine = await _host.Emit(otherWallet, PaymentEventTypes.Completed);
        var key = WebhookTestHost.Key(_environment, PermissionLevel.Read, _wallet);

        Assert.Equal([mine], (await _host.Events.FindMany(key, _environment)).List.Select(e => e.Id));
        Assert.Equal(mine, (await _host.Events.FindOne(key, mine)).Id);
        await Assert.ThrowsAsync<MagmaException>(() => _host.Events.FindOne(key, notMine));
    }

    [Fact]
    public async Task ReadingEventsNeedsTheWebhooksPermission()
    {
        var eventId = await _host.Emit(_wallet, PaymentEventTypes.Completed);
        var payments = new Caller.ServiceKey(Ids.New(), _environment, null, [new Permission(PermissionResource.Payments, PermissionLevel.Write)]);

        var one = await Assert.ThrowsAsync<MagmaException>(() => _host.Events.FindOne(payments, eventId));
        var many = await Assert.ThrowsAsync<MagmaException>(() => _host.Events.FindMany(payments, _environment));

        Assert.Equal(ErrorKind.Forbidden, one.Error.Kind);
        Assert.Equal(ErrorKind.Forbidden, many.Error.Kind);
    }
}
