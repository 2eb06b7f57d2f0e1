using Magma.Lightning.Storage;
using Magma.Payments.Data;
using Microsoft.EntityFrameworkCore;

namespace Magma.Market.Data;

/// <summary>
/// The marketplace's tables on top of the payments core's: an order transition and the webhook outbox rows it
/// emits commit together.
/// </summary>
public sealed class MarketDbContext(DbContextOptions<MarketDbContext> options) : PaymentsDbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<AccountKey> AccountKeys => Set<AccountKey>();
    public DbSet<AccountNode> AccountNodes => Set<AccountNode>();
    public DbSet<LoginChallenge> LoginChallenges => Set<LoginChallenge>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderEvent> OrderEvents => Set<OrderEvent>();
    public DbSet<MarketSetting> Settings => Set<MarketSetting>();
    public DbSet<Lsps1.Lsps1Order> Lsps1Orders => Set<Lsps1.Lsps1Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigurePayments(modelBuilder);
        modelBuilder.Entity<Account>().ToTable("accounts").HasKey(a => a.Id);
        modelBuilder.Entity<AccountKey>().ToTable("account_keys").HasKey(k => k.Id);
        modelBuilder.Entity<AccountNode>().ToTable("account_nodes").HasKey(n => n.Pubkey);
        modelBuilder.Entity<LoginChallenge>().ToTable("login_challenges").HasKey(c => c.Id);
        modelBuilder.Entity<Offer>().ToTable("offers").HasKey(o => o.Id);
        modelBuilder.Entity<Order>().ToTable("orders").HasKey(o => o.Id);
        // Status is a concurrency token: saving an order is UPDATE … WHERE id = @id AND status = @from.
        modelBuilder.Entity<Order>().Property(o => o.Status).IsConcurrencyToken();
        modelBuilder.Entity<OrderEvent>().ToTable("order_events").HasKey(e => e.Id);
        modelBuilder.Entity<MarketSetting>().ToTable("market_settings").HasKey(s => s.Key);
        modelBuilder.Entity<Lsps1.Lsps1Order>().ToTable("lsps1_orders").HasKey(l => l.OrderId);
        modelBuilder.Entity<Lsps1.Lsps1Order>().Ignore(l => l.OnchainOwedSat);

        modelBuilder.Entity<AccountKey>().HasOne<Account>().WithMany().HasForeignKey(k => k.AccountId);
        modelBuilder.Entity<AccountNode>().HasOne<Account>().WithMany().HasForeignKey(n => n.AccountId);
        modelBuilder.Entity<Offer>().HasOne<Account>().WithMany().HasForeignKey(o => o.AccountId);
        modelBuilder.Entity<Order>().HasOne<Offer>().WithMany().HasForeignKey(o => o.OfferId);
        modelBuilder.Entity<Order>().HasOne<Account>().WithMany().HasForeignKey(o => o.BuyerAccountId);
        modelBuilder.Entity<OrderEvent>().HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId);
        modelBuilder.Entity<Lsps1.Lsps1Order>().HasOne<Order>().WithOne().HasForeignKey<Lsps1.Lsps1Order>(l => l.OrderId);
        modelBuilder.ApplyMagmaConventions();
    }
}
