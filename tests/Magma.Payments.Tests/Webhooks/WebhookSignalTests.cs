using Magma.Payments.Access;
using Magma.Payments.Transactions;
using Magma.Payments.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Magma.Payments.Tests.Webhooks;

public sealed class WebhookSignalTests : WebhookHostTest
{
    private WebhookSignal Signal => Host.Services.GetRequiredService<WebhookSignal>();

    [Fact]
    public async Task AnEventNoEndpointSubscribedToIsLoggedWithoutWakingTheWorker()
    {
        await Host.Emit(WalletId, PaymentEventTypes.Pending);

        Assert.False(await Signal.Wait(TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(1, (await Host.Events.FindMany(Caller.AdminCaller, EnvironmentId)).TotalCount);
    }

    [Fact]
    public async Task AnEventWithADeliveryWakesTheWorkerOnceHoweverOftenItIsSignalled()
    {
        await Host.Endpoints.Create(Caller.AdminCaller, EnvironmentId, "http://127.0.0.1:9/hook", null);

        await Host.Emit(WalletId, PaymentEventTypes.Pending);
        await Host.Emit(WalletId, PaymentEventTypes.Completed);

        Assert.True(await Signal.Wait(TimeSpan.Zero, CancellationToken.None));
        Assert.False(await Signal.Wait(TimeSpan.Zero, CancellationToken.None));
    }
}
