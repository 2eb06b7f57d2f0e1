using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Magma.Payments.Webhooks;

public static class WebhookServices
{
    /// <summary>
    /// Endpoints, event queries and the delivery worker (a hosted service). Needs the SqliteDatabase, a TimeProvider,
    /// <c>PaymentsOptions</c>, logging and the <see cref="Environments.EnvironmentService"/>, as registered by the host
    /// and <c>AddMagmaPayments</c>.
    /// </summary>
    public static IServiceCollection AddPaymentWebhooks(this IServiceCollection services)
    {
        services.TryAddSingleton<WebhookSignal>();
        services.TryAddSingleton<IHostAddressResolver, DnsHostAddressResolver>();
        services.AddSingleton<WebhookUrlPolicy>();
        services.AddSingleton<WebhookEndpointService>();
        services.AddSingleton<WebhookEventQueries>();
        services.AddSingleton<WebhookDeliveryStore>();
        services.AddSingleton<WebhookSender>();
        AddClient(services, WebhookAddressRule.PublicOnly);
        AddClient(services, WebhookAddressRule.PublicOrLoopback);
        services.AddSingleton<WebhookDeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDeliveryWorker>());
        return services;
    }

    private static void AddClient(IServiceCollection services, WebhookAddressRule rule) =>
        services.AddHttpClient(WebhookConnectGuard.ClientName(rule))
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookConnectGuard.CreateHandler(rule, sp.GetRequiredService<IHostAddressResolver>()))
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<PaymentsOptions>>().Value.Webhooks.RequestTimeout);
}
