using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Errors;
using Magma.Payments.Transactions;
using Magma.Payments.Webhooks;

namespace Magma.Payments.Tests.Webhooks;

/// <summary>
/// A marketplace account's endpoint and order event sit in an environment (the platform's) but are not the
/// environment's: its queries, its mutations and its payment events all pass them by.
/// </summary>
public sealed class AccountEndpointIsolationTests : WebhookHostTest
{
    private static readonly Caller Admin = Caller.AdminCaller;
    private WebhookEndpoint _accountEndpoint = null!;
    private WebhookEvent _accountEvent = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var now = Host.Clock.GetUtcNow().UtcDateTime;
        _accountEndpoint = new WebhookEndpoint
        {
            Id = Guid.NewGuid().ToString(), EnvironmentId = EnvironmentId, AccountId = Guid.NewGuid().ToString(), Url = "http://127.0.0.1:9/account", EventFilters = "[]",
            Active = true, Secret = WebhookEndpointService.NewSecret(), CreatedAt = now, UpdatedAt = now,
        };
        _accountEvent = new WebhookEvent
        {
            Id = $"order.status_changed:{Guid.NewGuid().ToString()}:PAID:{_accountEndpoint.AccountId}", EnvironmentId = EnvironmentId, AccountId = _accountEndpoint.AccountId,
            EventType = "order.status_changed", Payload = "{}", CreatedAt = now,
        };
        await Host.Database.Write<PaymentsDbContext>(async db =>
        {
            db.WebhookEndpoints.Add(_accountEndpoint);
            db.WebhookEvents.Add(_accountEvent);
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task TheEnvironmentsEndpointListLeavesAccountEndpointsOut()
    {
        var own = await Host.Endpoints.Create(Admin, EnvironmentId, "http://127.0.0.1:9/own", null);

        var listed = await Host.Endpoints.FindMany(Admin, EnvironmentId);

        Assert.Equal([own.Endpoint.Id], listed.Select(e => e.Id));
    }

    [Fact]
    public async Task NoEnvironmentCallerCanReadOrChangeAnAccountEndpoint()
    {
        foreach (var caller in new[] { Admin, WebhookTestHost.Key(EnvironmentId) })
        {
            await AssertNotFound(PaymentErrors.WebhookEndpointNotFound, () => Host.Endpoints.FindOne(caller, _accountEndpoint.Id));
            await AssertNotFound(PaymentErrors.WebhookEndpointNotFound, () => Host.Endpoints.Update(caller, _accountEndpoint.Id, active: false));
            await AssertNotFound(PaymentErrors.WebhookEndpointNotFound, () => Host.Endpoints.RotateSecret(caller, _accountEndpoint.Id));
            await AssertNotFound(PaymentErrors.WebhookEndpointNotFound, () => Host.Endpoints.Delete(caller, _accountEndpoint.Id));
        }
    }

    [Fact]
    public async Task PaymentEventsAreNotDeliveredToAccountEndpoints()
    {
        var own = await Host.Endpoints.Create(Admin, EnvironmentId, "http://127.0.0.1:9/own", null);

        var eventId = await Host.Emit(WalletId, PaymentEventTypes.Completed);

        Assert.Equal([own.Endpoint.Id], (await Host.Deliveries(eventId)).Select(d => d.EndpointId));
    }

    [Fact]
    public async Task TheEnvironmentsEventQueriesLeaveAccountEventsOut()
    {
        var payment = await Host.Emit(WalletId, PaymentEventTypes.Pending);

        var listed = await Host.Events.FindMany(Admin, EnvironmentId);

        Assert.Equal([payment], listed.List.Select(e => e.Id));
        Assert.Equal(1, listed.TotalCount);
        await AssertNotFound(PaymentErrors.WebhookEventNotFound, () => Host.Events.FindOne(Admin, _accountEvent.Id));
    }

    [Fact]
    public async Task AKeyMayListItsOwnEnvironmentsEndpointsWithoutNamingIt()
    {
        var key = WebhookTestHost.Key(EnvironmentId);
        var own = await Host.Endpoints.Create(key, EnvironmentId, "http://127.0.0.1:9/own", null);

        var listed = await Host.Endpoints.FindMany(key, null);
        var admin = await Assert.ThrowsAsync<MagmaException>(() => Host.Endpoints.FindMany(Admin, null));

        Assert.Equal([own.Endpoint.Id], listed.Select(e => e.Id));
        Assert.Equal(("environment_id", ErrorKind.Validation), (admin.Property, admin.Error.Kind));
    }

    private static async Task AssertNotFound(MagmaError expected, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<MagmaException>(action);
        Assert.Equal(expected, error.Error);
    }
}
