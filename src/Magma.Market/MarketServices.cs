using Magma.Lightning.Storage;
using Magma.Market.Accounts;
using Magma.Market.Escrow;
using Magma.Market.Jobs;
using Magma.Market.Lsps1;
using Magma.Market.Offers;
using Magma.Market.Orders;
using Magma.Market.Pricing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Magma.Market;

public static class MarketServices
{
    /// <summary>Registers the marketplace on top of the payments core (which must be registered too).</summary>
    public static IServiceCollection AddMagmaMarket(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MarketOptions>().Bind(configuration.GetSection(MarketOptions.Section));
        services.AddSingleton<IBtcUsdPrice, StaticBtcUsdPrice>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<NodeLogin>();
        services.AddSingleton<OfferService>();
        services.AddSingleton<OfferMatcher>();
        services.AddSingleton<LiquidityQuote>();
        services.AddSingleton<MarketPlatform>();
        services.AddSingleton<OrderWebhooks>();
        services.AddSingleton<AccountWebhookEndpoints>();
        services.AddSingleton<OrderTransitions>();
        services.AddSingleton<OrderAccess>();
        services.AddSingleton<EscrowService>();
        services.AddSingleton<HouseSeller>();
        services.AddSingleton<OrderPlacement>();
        services.AddSingleton<ChannelValidation>();
        services.AddSingleton<OrderMonitoring>();
        services.AddSingleton<ChainProgress>();
        services.AddSingleton<HouseChannelOpener>();
        services.AddSingleton<SellerOperations>();
        services.AddSingleton<BuyerAndAdminOperations>();
        services.AddSingleton<OrderLifecycle>();
        services.AddSingleton<DeadlineEnforcer>();
        services.AddSingleton<EscrowSweep>();
        services.AddSingleton<OrderQueries>();
        services.AddMagmaLsps1(configuration);

        services.AddHostedService<MarketEventListener>();
        services.AddTransient<OrderDeadlinesJob>();
        services.AddTransient<OrderChainJob>();
        services.AddTransient<OrderEscrowJob>();
        var interval = configuration.GetValue("Market:SweepInterval", TimeSpan.FromSeconds(5));
        services.AddQuartz(q =>
        {
            q.AddJob<OrderDeadlinesJob>(j => j.WithIdentity(OrderDeadlinesJob.Key));
            q.AddJob<OrderChainJob>(j => j.WithIdentity(OrderChainJob.Key));
            q.AddJob<OrderEscrowJob>(j => j.WithIdentity(OrderEscrowJob.Key));
            foreach (var key in new[] { OrderDeadlinesJob.Key, OrderChainJob.Key, OrderEscrowJob.Key })
                q.AddTrigger(t => t.ForJob(key).WithIdentity(key.Name, "market").WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
        });
        return services;
    }

    /// <summary>Start-up: the market's schema, its platform wallet and the house seller's offer.</summary>
    public static async Task InitializeMarket(this IServiceProvider services)
    {
        await services.GetRequiredService<SqliteDatabase>().Migrate(typeof(MarketServices).Assembly, "Magma.Market");
        await services.GetRequiredService<MarketPlatform>().Initialize();
        await services.GetRequiredService<HouseSeller>().EnsureOffer();
        await services.InitializeLsps1();
    }
}
