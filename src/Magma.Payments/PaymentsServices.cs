using Magma.Lightning.Simnet;
using Magma.Payments.Assets;
using Magma.Payments.Credentials;
using Magma.Payments.Environments;
using Magma.Payments.Jobs;
using Magma.Payments.LightningAddress;
using Magma.Payments.Transactions;
using Magma.Payments.Wallets;
using Magma.Payments.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace Magma.Payments;

public static class PaymentsServices
{
    /// <summary>
    /// Registers the payments core. The host supplies <see cref="EnvironmentNodes"/> (which node serves which
    /// environment type), the Simnet network, the SqliteDatabase and a TimeProvider.
    /// </summary>
    public static IServiceCollection AddMagmaPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentsOptions>().Bind(configuration.GetSection(PaymentsOptions.Section));
        // LNURL fetches go to addresses users type, then to callbacks remote servers choose: through the same connect
        // guard as webhooks (public addresses only, or loopback too when allowed), never redirected, never proxied.
        services.AddHttpClient(LnurlPayResolver.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookConnectGuard.CreateHandler(
                sp.GetRequiredService<IOptions<PaymentsOptions>>().Value.LightningAddress.AllowHttpLoopback ? WebhookAddressRule.PublicOrLoopback : WebhookAddressRule.PublicOnly,
                sp.GetRequiredService<IHostAddressResolver>()));

        services.AddSingleton<AssetCatalog>();
        services.AddSingleton<EnvironmentService>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<WalletService>();

        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<TransactionTimeline>();
        services.AddSingleton<InvoiceIssuer>();
        services.AddSingleton<ReceiveService>();
        services.AddSingleton<InvoiceSettlement>();
        services.AddSingleton<SendOutcomes>();
        services.AddSingleton<InternalSettlement>();
        services.AddSingleton<SendDispatcher>();
        services.AddSingleton<SendService>();
        services.AddSingleton<LnurlPayResolver>();
        services.AddSingleton<ISandboxPayer>(sp => new SimnetSandboxPayer(sp.GetRequiredService<SimnetNetwork>()));
        services.AddSingleton<HoldInvoiceService>();
        services.AddSingleton<TransactionQueries>();
        services.AddSingleton<SandboxOutcomes>();
        services.AddSingleton<TransactionReconciler>();

        services.AddPaymentWebhooks();

        services.AddHostedService<InvoiceEventListener>();
        services.AddTransient<PaymentsSweepJob>();
        var sweepInterval = configuration.GetValue("Payments:SweepInterval", TimeSpan.FromSeconds(1));
        services.AddQuartz(q =>
        {
            q.AddJob<PaymentsSweepJob>(j => j.WithIdentity(PaymentsSweepJob.Key));
            q.AddTrigger(t => t.ForJob(PaymentsSweepJob.Key).WithIdentity("payments-sweep", "payments")
                .WithSimpleSchedule(s => s.WithInterval(sweepInterval).RepeatForever()));
        });
        return services;
    }
}
