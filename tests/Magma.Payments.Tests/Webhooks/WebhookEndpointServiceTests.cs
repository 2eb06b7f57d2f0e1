using System.Text.Json;
using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Errors;
using Magma.Payments.Webhooks;

namespace Magma.Payments.Tests.Webhooks;

public sealed class WebhookEndpointServiceTests : WebhookHostTest
{

    private Caller Writer => WebhookTestHost.Key(EnvironmentId);

    [Fact]
    public async Task CreateReturnsAWhsecSecretOnceAndTheQueriesNeverShowIt()
    {
        var created = await Host.Endpoints.Create(Writer, EnvironmentId, "http://127.0.0.1:9/hook", ["payment.completed", "payment.failed", "payment.expired"]);

        Assert.StartsWith("whsec_", created.Secret);
        Assert.True(created.Secret.Length >= "whsec_".Length + 43, "at least 32 random bytes, base64url");
        Assert.DoesNotContain(created.Secret, new[] { '+', '/', '=' }.Select(c => c.ToString()));
        Assert.True(created.Endpoint.Active);
        Assert.Equal(["payment.completed", "payment.failed", "payment.expired"], created.Endpoint.EventFilters);

        var one = await Host.Endpoints.FindOne(Writer, created.Endpoint.Id);
        var many = await Host.Endpoints.FindMany(Writer, EnvironmentId);
        Assert.Null(typeof(WebhookEndpointView).GetProperty("Secret"));
        Assert.DoesNotContain(created.Secret, JsonSerializer.Serialize(one));
        Assert.DoesNotContain(created.Secret, JsonSerializer.Serialize(many));
        Assert.Equal(JsonSerializer.Serialize(created.Endpoint), JsonSerializer.Serialize(one));
    }

    [Fact]
    public async Task EachEndpointGetsItsOwnSecretAndRotationReplacesIt()
    {
        var first = await Host.Endpoints.Create(Writer, EnvironmentId, "http://127.0.0.1:9/a", null);
        var second = await Host.Endpoints.Create(Writer, EnvironmentId, "http://127.0.0.1:9/b", null);

        var rotated = await Host.Endpoints.RotateSecret(Writer, first.Endpoint.Id);

        Assert.NotEqual(first.Secret, second.Secret);
        Assert.StartsWith("whsec_", rotated.Secret);
        Assert.NotEqual(first.Secret, rotated.Secret);
        Assert.Equal(first.Endpoint.Id, rotated.Endpoint.Id);
    }

    [Fact]
    public async Task NoFiltersMeansEveryEventAndDuplicateFiltersCollapse()
    {
        var all = await Host.Endpoints.Create(Writer, EnvironmentId, "http://127.0.0.1:9/all", []);
        var deduped = await Host.Endpoints.Create(Writer, EnvironmentId, "http://127.0.0.1:9/one", ["payment.failed", "payment.failed"]);

        Assert.Empty(all.Endpoint.EventFilters);
        Assert.Equal(["payment.failed"], deduped.Endpoint.EventFilters);
        Assert.Equal(["payment.pending", "payment.completed", "payment.failed", "payment.expired"], WebhookEndpointService.AvailableEventTypes);
    }

    [Fact]
    public async Task AnUnknownEventTypeIsRejected()
    {
        var error = await Assert.ThrowsAsync<MagmaException>(() => Host.Endpoints.Create(Writer, EnvironmentId, "http://127.0.0.1:9/hook", ["payment.completed", "payment.settled"]));

        Assert.Equal(ErrorKind.Validation, error.Error.Kind);
        Assert.Equal("event_filters", error.Property);
        Assert.Contains("'payment.settled'", error.Message);
    }

    [Fact]
    public async Task CreateAndUpdateApplyTheUrlRules()
    {
        var created = await Assert.ThrowsAsync<MagmaException>(() => Host.Endpoints.Create(Writer, EnvironmentId, "http://10.0.0.1/hook", null));
        var endpoint = await Host.Endpoints.Create(Writer, EnvironmentId, "http://127.0.0.1:9/hook", null);
        var updated = await Assert.ThrowsAsync<MagmaException>(() => Host.Endpoints.Update(Writer, endpoint.Endpoint.Id, url: "https://intranet.internal/hook"));

        Assert.Equal(PaymentErrors.InvalidWebhookUrl, created.Error);
        Assert.Equal(PaymentErrors.InvalidWebhookUrl, updated.Error);
    }

    [Fact]
    public async Task UpdateChangesOnlyWhatIsGiven()
    {
        var endpoint = (await Host.Endpoints.Create(Writer, EnvironmentId, "http://127.0.0.1:9/hook", ["payment.completed"])).Endpoint;
        Host.Clock.Advance(TimeSpan.FromMinutes(1));

        var filtered = await Host.Endpoints.Update(Writer, endpoint.Id, eventFilters: ["payment.failed", "payment.expired"]);
        var paused = await Host.Endpoints.Update(Writer, endpoint.Id, active: false);
        var moved = await Host.Endpoints.Update(Writer, endpoint.Id, url: "http://localhost:9/other", eventFilters: []);

        Assert.Equal(["payment.failed", "payment.expired"], filtered.EventFilters);
        Assert.True(filtered.Active);
        Assert.False(paused.Active);
        Assert.Equal(["payment.failed", "payment.expired"], paused.EventFilters);
        Assert.Equal("http://localhost:9/other", moved.Url);
        Assert.Empty(moved.EventFilters);
        Assert.False(moved.Active);
        Assert.True(moved.UpdatedAt > endpoint.UpdatedAt);
        Assert.Equal(JsonSerializer.Serialize(moved), JsonSerializer.Serialize(await Host.Endpoints.FindOne(Writer, endpoint.Id)));
    }

    [Fact]
    public async Task ADeletedEndpointIsHiddenFromEveryQueryAndCannotBeChanged()
    {
        var kept = await Host.Endpoints.Create(Writer, EnvironmentId, "http://127.0.0.1:9/kept", null);
        var deleted = await Host.Endpoints.Create(Writer, EnvironmentId, "http://127.0.0.1:9/deleted", null);

        Assert.True(await Host.Endpoints.Delete(Writer, deleted.Endpoint.Id));

        Assert.Equal([kept.Endpoint.Id], (await Host.Endpoints.FindMany(Writer, EnvironmentId)).Select(e => e.Id));
        await AssertNotFound(() => Host.Endpoints.FindOne(Writer, deleted.Endpoint.Id));
        await AssertNotFound(() => Host.Endpoints.Update(Writer, deleted.Endpoint.Id, active: true));
        await AssertNotFound(() => Host.Endpoints.RotateSecret(Writer, deleted.Endpoint.Id));
        await AssertNotFound(() => Host.Endpoints.Delete(Writer, deleted.Endpoint.Id));
    }

    [Fact]
    public async Task AnotherEnvironmentsEndpointIsNotFound()
    {
        var (other, _) = await Host.Environment();
        var theirs = await Host.Endpoints.Create(WebhookTestHost.Key(other), other, "http://127.0.0.1:9/theirs", null);

        await AssertNotFound(() => Host.Endpoints.FindOne(Writer, theirs.Endpoint.Id));
        await AssertNotFound(() => Host.Endpoints.Update(Writer, theirs.Endpoint.Id, active: false));
        await AssertNotFound(() => Host.Endpoints.RotateSecret(Writer, theirs.Endpoint.Id));
        await AssertNotFound(() => Host.Endpoints.Delete(Writer, theirs.Endpoint.Id));
        var list = await Assert.ThrowsAsync<MagmaException>(() => Host.Endpoints.FindMany(Writer, other));
        var create = await Assert.ThrowsAsync<MagmaException>(() => Host.Endpoints.Create(Writer, other, "http://127.0.0.1:9/x", null));
        Assert.Equal(ErrorKind.NotFound, list.Error.Kind);
        Assert.Equal(ErrorKind.NotFound, create.Error.Kind);
        Assert.True((await Host.Endpoints.FindOne(Caller.AdminCaller, theirs.Endpoint.Id)).Active);
    }

    [Fact]
    public async Task ReadingNeedsWebhooksReadAndChangingNeedsWebhooksWrite()
    {
        var endpoint = (await Host.Endpoints.Create(Writer, EnvironmentId, "http://127.0.0.1:9/hook", null)).Endpoint;
        var reader = WebhookTestHost.Key(EnvironmentId, PermissionLevel.Read);
        var payments = new Caller.ServiceKey(Guid.NewGuid().ToString(), EnvironmentId, null, [new Permission(PermissionResource.Payments, PermissionLevel.Write)]);
        var walletKey = new Caller.WalletKey(Guid.NewGuid().ToString(), EnvironmentId, IsAdminKey: true);

        Assert.Equal(endpoint.Id, (await Host.Endpoints.FindOne(reader, endpoint.Id)).Id);
        await AssertForbidden(() => Host.Endpoints.Create(reader, EnvironmentId, "http://127.0.0.1:9/x", null));
        await AssertForbidden(() => Host.Endpoints.Update(reader, endpoint.Id, active: false));
        await AssertForbidden(() => Host.Endpoints.RotateSecret(reader, endpoint.Id));
        await AssertForbidden(() => Host.Endpoints.Delete(reader, endpoint.Id));
        await AssertForbidden(() => Host.Endpoints.FindOne(payments, endpoint.Id));
        await AssertForbidden(() => Host.Endpoints.FindMany(payments, EnvironmentId));
        await AssertForbidden(() => Host.Endpoints.FindOne(walletKey, endpoint.Id));
    }

    [Fact]
    public async Task AKeyScopedToOneWalletCannotManageEnvironmentWideEndpoints()
    {
        var (_, wallet) = await Host.Environment();
        var scoped = WebhookTestHost.Key(EnvironmentId, PermissionLevel.Write, wallet);

        await AssertForbidden(() => Host.Endpoints.Create(scoped, EnvironmentId, "http://127.0.0.1:9/x", null));
    }

    private static async Task AssertNotFound(Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<MagmaException>(action);
        Assert.Equal(PaymentErrors.WebhookEndpointNotFound, error.Error);
    }

    private static async Task AssertForbidden(Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<MagmaException>(action);
        Assert.Equal(ErrorKind.Forbidden, error.Error.Kind);
    }
}
