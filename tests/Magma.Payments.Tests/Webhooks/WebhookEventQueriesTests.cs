using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Errors;
using Magma.Payments.Transactions;
using Magma.Payments.Webhooks;
using Magma.Testing.Webhooks;

namespace Magma.Payments.Tests.Webhooks;

public sealed class WebhookEventQueriesTests : WebhookHostTest
{
    private static readonly Caller Admin = Caller.AdminCaller;

    [Fact]
    public async Task FindOneShowsTheEventWithItsDeliveryLogOldestAttemptFirst()
    {
        var flakyCalls = 0;
        await using var receiver = await TestReceiver.Start(r => r.Path == "/flaky" && Interlocked.Increment(ref flakyCalls) <= 2 ? 502 : 204);
        var flaky = await Host.Endpoints.Create(Admin, EnvironmentId, receiver.Url("/flaky"), null);
        var steady = await Host.Endpoints.Create(Admin, EnvironmentId, receiver.Url("/steady"), null);
        await Host.StartWorker();

        var eventId = await Host.Emit(WalletId, PaymentEventTypes.Completed);
        await Host.AdvanceUntil(async () => (await Host.Deliveries(eventId)).Count(d => d.Status == DeliveryStatus.Success) == 2, "both endpoints accepted");

        var found = await Host.Events.FindOne(WebhookTestHost.Key(EnvironmentId, PermissionLevel.Read), eventId);
        Assert.Equal(("payment.completed", eventId, WalletId, EnvironmentId), (found.EventType, found.IdempotencyKey, found.WalletId, found.EnvironmentId));
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
        var endpoint = await Host.Endpoints.Create(Admin, EnvironmentId, "http://127.0.0.1:9/all", null);
        var start = Host.Clock.GetUtcNow();
        var first = await Host.Emit(WalletId, PaymentEventTypes.Pending);
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Host.Emit(WalletId, PaymentEventTypes.Completed, transactionId: first.Split(':')[1]);
        await Host.Endpoints.Delete(Admin, endpoint.Endpoint.Id);
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        var otherWallet = await Host.AddWallet(EnvironmentId);
        var third = await Host.Emit(otherWallet, PaymentEventTypes.Failed);

        async Task<string[]> Ids(WebhookEventFilter filter) =>
            (await Host.Events.FindMany(Admin, EnvironmentId, filter)).List.Select(e => e.Id).ToArray();

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
            events.Add(await Host.Emit(WalletId, PaymentEventTypes.Pending));
            Host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var page = await Host.Events.FindMany(Admin, EnvironmentId, page: new WebhookEventPage(Limit: 2, Offset: 2));

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
        var error = await Assert.ThrowsAsync<MagmaException>(() => Host.Events.FindMany(Admin, EnvironmentId, page: new WebhookEventPage(limit, offset)));

        Assert.Equal((ErrorKind.Validation, property), (error.Error.Kind, error.Property));
    }

    [Fact]
    public async Task AnUnknownEventTypeOrAnInvertedDateRangeIsRejected()
    {
        var now = Host.Clock.GetUtcNow();

        var type = await Assert.ThrowsAsync<MagmaException>(() => Host.Events.FindMany(Admin, EnvironmentId, new WebhookEventFilter(EventType: "payment.nope")));
        var range = await Assert.ThrowsAsync<MagmaException>(() => Host.Events.FindMany(Admin, EnvironmentId, new WebhookEventFilter(From: now, To: now.AddDays(-1))));

        Assert.Equal("filter.event_type", type.Property);
        Assert.Equal("filter.date_range", range.Property);
    }

    [Fact]
    public async Task AnotherEnvironmentsEventsAreNotFound()
    {
        var (other, otherWallet) = await Host.Environment();
        var theirs = await Host.Emit(otherWallet, PaymentEventTypes.Completed);
        var key = WebhookTestHost.Key(EnvironmentId, PermissionLevel.Read);

        var one = await Assert.ThrowsAsync<MagmaException>(() => Host.Events.FindOne(key, theirs));
        var many = await Assert.ThrowsAsync<MagmaException>(() => Host.Events.FindMany(key, other));
        var missing = await Assert.ThrowsAsync<MagmaException>(() => Host.Events.FindOne(key, "payment.completed:" + Guid.NewGuid()));

        Assert.Equal(PaymentErrors.WebhookEventNotFound, one.Error);
        Assert.Equal(ErrorKind.NotFound, many.Error.Kind);
        Assert.Equal(PaymentErrors.WebhookEventNotFound, missing.Error);
        Assert.Equal(theirs, (await Host.Events.FindOne(WebhookTestHost.Key(other, PermissionLevel.Read), theirs)).Id);
    }

    [Fact]
    public async Task AKeyScopedToOneWalletSeesOnlyThatWalletsEvents()
    {
        var mine = await Host.Emit(WalletId, PaymentEventTypes.Completed);
        var otherWallet = await Host.AddWallet(EnvironmentId);
        var notMine = await Host.Emit(otherWallet, PaymentEventTypes.Completed);
        var key = WebhookTestHost.Key(EnvironmentId, PermissionLevel.Read, WalletId);

        Assert.Equal([mine], (await Host.Events.FindMany(key, EnvironmentId)).List.Select(e => e.Id));
        Assert.Equal(mine, (await Host.Events.FindOne(key, mine)).Id);
        await Assert.ThrowsAsync<MagmaException>(() => Host.Events.FindOne(key, notMine));
    }

    [Fact]
    public async Task ReadingEventsNeedsTheWebhooksPermission()
    {
        var eventId = await Host.Emit(WalletId, PaymentEventTypes.Completed);
        var payments = new Caller.ServiceKey(Guid.NewGuid().ToString(), EnvironmentId, null, [new Permission(PermissionResource.Payments, PermissionLevel.Write)]);

        var one = await Assert.ThrowsAsync<MagmaException>(() => Host.Events.FindOne(payments, eventId));
        var many = await Assert.ThrowsAsync<MagmaException>(() => Host.Events.FindMany(payments, EnvironmentId));

        Assert.Equal(ErrorKind.Forbidden, one.Error.Kind);
        Assert.Equal(ErrorKind.Forbidden, many.Error.Kind);
    }
}
