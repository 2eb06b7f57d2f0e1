using Magma.Lightning.Storage;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Data;

/// <summary>
/// The payments core's tables. The marketplace derives its own context from this one, so an order change
/// and the webhook outbox rows it emits commit in the same transaction.
/// </summary>
public class PaymentsDbContext : DbContext
{
    public PaymentsDbContext(DbContextOptions<PaymentsDbContext> options) : base(options)
    {
    }

    protected PaymentsDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<PaymentsEnvironment> Environments => Set<PaymentsEnvironment>();
    public DbSet<Wallet> Wallets => Set<Wallet>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<PaymentTransaction> Transactions => Set<PaymentTransaction>();
    public DbSet<TransactionEvent> TransactionEvents => Set<TransactionEvent>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigurePayments(modelBuilder);
        modelBuilder.ApplyMagmaConventions();
    }

    /// <summary>Table mappings, without the shared conventions, so a derived context can add its own tables first.</summary>
    protected static void ConfigurePayments(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PaymentsEnvironment>().ToTable("environments").HasKey(e => e.Id);
        modelBuilder.Entity<Wallet>().ToTable("wallets").HasKey(w => w.Id);
        modelBuilder.Entity<ApiKey>().ToTable("api_keys").HasKey(k => k.Id);
        modelBuilder.Entity<PaymentTransaction>().ToTable("transactions").HasKey(t => t.Id);
        // Status and stage are concurrency tokens: every save of a transaction is UPDATE … WHERE status = @from
        // AND stage = @from, and a save that matches no row fails instead of overwriting a newer state.
        modelBuilder.Entity<PaymentTransaction>().Property(t => t.Status).IsConcurrencyToken();
        modelBuilder.Entity<PaymentTransaction>().Property(t => t.Stage).IsConcurrencyToken();
        modelBuilder.Entity<TransactionEvent>().ToTable("transaction_events").HasKey(e => e.Id);
        modelBuilder.Entity<LedgerEntry>().ToTable("ledger_entries").HasKey(e => e.Id);
        modelBuilder.Entity<WebhookEndpoint>().ToTable("webhook_endpoints").HasKey(e => e.Id);
        modelBuilder.Entity<WebhookEvent>().ToTable("webhook_events").HasKey(e => e.Id);
        modelBuilder.Entity<WebhookDelivery>().ToTable("webhook_deliveries").HasKey(d => d.Id);

        // Relationships tell EF the order of inserts; the SQL migration declares the same foreign keys.
        modelBuilder.Entity<Wallet>().HasOne<PaymentsEnvironment>().WithMany().HasForeignKey(w => w.EnvironmentId);
        modelBuilder.Entity<ApiKey>().HasOne<PaymentsEnvironment>().WithMany().HasForeignKey(k => k.EnvironmentId);
        modelBuilder.Entity<ApiKey>().HasOne<Wallet>().WithMany().HasForeignKey(k => k.WalletId);
        modelBuilder.Entity<PaymentTransaction>().HasOne<PaymentsEnvironment>().WithMany().HasForeignKey(t => t.EnvironmentId);
        modelBuilder.Entity<PaymentTransaction>().HasOne<Wallet>().WithMany().HasForeignKey(t => t.WalletId);
        modelBuilder.Entity<TransactionEvent>().HasOne<PaymentTransaction>().WithMany().HasForeignKey(e => e.TransactionId);
        modelBuilder.Entity<LedgerEntry>().HasOne<Wallet>().WithMany().HasForeignKey(e => e.WalletId);
        modelBuilder.Entity<LedgerEntry>().HasOne<PaymentTransaction>().WithMany().HasForeignKey(e => e.TransactionId);
        modelBuilder.Entity<WebhookEndpoint>().HasOne<PaymentsEnvironment>().WithMany().HasForeignKey(e => e.EnvironmentId);
        modelBuilder.Entity<WebhookEvent>().HasOne<PaymentsEnvironment>().WithMany().HasForeignKey(e => e.EnvironmentId);
        modelBuilder.Entity<WebhookDelivery>().HasOne<WebhookEvent>().WithMany().HasForeignKey(d => d.EventId);
        modelBuilder.Entity<WebhookDelivery>().HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId);
    }
}
