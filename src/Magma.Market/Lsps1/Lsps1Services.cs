using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Magma.Market.Lsps1;

public static class Lsps1Services
{
    /// <summary>Registers bLIP-51 on the marketplace (called by <see cref="MarketServices.AddMagmaMarket"/>).</summary>
    public static IServiceCollection AddMagmaLsps1(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Lsps1Options>().Bind(configuration.GetSection(Lsps1Options.Section));
        services.AddSingleton<Lsps1ClientAccount>();
        services.AddSingleton<Lsps1Placement>();
        services.AddSingleton<Lsps1OfferRanking>();
        services.AddSingleton<Lsps1SellerAcceptance>();
        services.AddSingleton<Lsps1OrderReader>();
        services.AddSingleton<Lsps1Service>();
        services.AddSingleton<Lsps1OnchainRefunds>();
        services.AddSingleton<Lsps1OnchainWatcher>();
        services.AddHostedService<Lsps1BlockListener>();
        services.AddTransient<Lsps1OnchainJob>();
        var interval = configuration.GetValue("Market:SweepInterval", TimeSpan.FromSeconds(5));
        services.AddQuartz(q =>
        {
            q.AddJob<Lsps1OnchainJob>(j => j.WithIdentity(Lsps1OnchainJob.Key));
            q.AddTrigger(t => t.ForJob(Lsps1OnchainJob.Key).WithIdentity(Lsps1OnchainJob.Key.Name, "market")
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
        });
        return services;
    }

    /// <summary>Start-up, after the house offer exists: get_info is built and checked, or the host stops.</summary>
    public static Task InitializeLsps1(this IServiceProvider services) => services.GetRequiredService<Lsps1Service>().Initialize();
}
