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
public sealed class AccountEndpointIsolationTests : IAsyncLifetime
{
    private static readonly Caller Admin = Caller.AdminCaller;
    private WebhookTestHost _host = null!;
    private string _environment = null!;
    private string _wallet = null!;
    private WebhookEndpoint _accountEndpoint = null!;
    private WebhookEvent _accountEvent = null!;

    public async Task InitializeAsync()
    {
        _host = await WebhookTestHost.Create();
        (_environment, _wallet) = await _host.Environment();
        var now = _host.Clock.GetUtcNow().UtcDateTime;
        _accountEndpoint = new WebhookEndpoint
        {
            Id = Ids.New(), EnvironmentId = _environment, AccountId = Ids.New(), Url = "http://127.0.0.1:9/account", EventFilters = "[]",
            Active = true, Secret = WebhookEndpointService.NewSecret(), CreatedAt = now, UpdatedAt = now,
        };
        _accountEvent = new WebhookEvent
        {
            Id = $"order.status_changed:{Ids.New()}:PAID:{_accountEndpoint.AccountId}", EnvironmentId = _environment, AccountId = _accountEndpoint.AccountId,
            EventType = "order.status_changed", Payload = "{}", CreatedAt = now,
        };
        await _host.Database.Write<PaymentsDbContext>(async db =>
        {
            db.WebhookEndpoints.Add(_accountEndpoint);
            db.WebhookEvents.Add(_accountEvent);
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheEnvironmentsEndpointListLeavesAccountEndpointsOut()
    {
        var own = await _host.Endpoints.Create(Admin, _environment, "http://127.0.0.1:9/own", null);

        var listed = await _host.Endpoints.FindMany(Admin, _environment);

        Assert.Equal([own.Endpoint.Id], listed.Select(e => e.Id));
    }

    [Fact]
    public async Task NoEnvironmentCallerCanReadOrChangeAnAccountEndpoint()
    {
        foreach (var caller in new[] { Admin, WebhookTestHost.Key(_environment) })
        {
            await AssertNotFound(PaymentErrors.WebhookEndpointNotFound, () => _host.Endpoints.FindOne(caller, _accountEndpoint.Id));
            await AssertNotFound(PaymentErrors.WebhookEndpointNotFound, () => _host.Endpoints.Update(caller, _accountEndpoint.Id, active: false));
            await AssertNotFound(PaymentErrors.WebhookEndpointNotFound, () => _host.Endpoints.RotateSecret(caller, _accountEndpoint.Id));
            await AssertNotFound(PaymentErrors.WebhookEndpointNotFound, () => _host.Endpoints.Delete(caller, _accountEndpoint.Id));
        }
    }

    [Fact]
    public async Task PaymentEventsAreNotDeliveredToAccountEndpoints()
    {
        var own = await _host.Endpoints.Create(Admin, _environment, "http://127.0.0.1:9/own", null);

        var eventId = await _host.Emit(_wallet, PaymentEventTypes.Completed);

        Assert.Equal([own.Endpoint.Id], (await _host.Deliveries(eventId)).Select(d => d.EndpointId));
    }

    [Fact]
    public async Task TheEnvironmentsEventQueriesLeaveAccountEventsOut()
    {
        var payment = await _host.Emit(_wallet, PaymentEventTypes.Pending);

        var listed = await _host.Events.FindMany(Admin, _environment);

        Assert.Equal([payment], listed.List.Select(e => e.Id));
        Assert.Equal(1, listed.TotalCount);
        await AssertNotFound(PaymentErrors.WebhookEventNotFound, () => _host.Events.FindOne(Admin, _accountEvent.Id));
    }

    [Fact]
    public async Task AKeyMayListItsOwnEnvironmentsEndpointsWithoutNamingIt()
    {
        var key = WebhookTestHost.Key(_environment);
        var own = await _host.Endpoints.Create(key, _environment, "http://127.0.0.1:9/own", null);

        var listed = await _host.Endpoints.FindMany(key, null);
        var admin = await Assert.ThrowsAsync<MagmaException>(() => _host.Endpoints.FindMany(Admin, null));

        Assert.Equal([own.Endpoint.Id], listed.Select(e => e.Id));
        Assert.Equal(("environment_id", ErrorKind.Validation), (admin.Property, admin.Error.Kind));
    }

    private static async Task AssertNotFound(MagmaError expected, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<MagmaException>(action);
        Assert.Equal(expected, error.Error);
    }
}
