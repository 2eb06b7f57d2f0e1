using Magma.Lightning.Storage;
using Microsoft.EntityFrameworkCore;

namespace Magma.Lightning.Simnet.Data;

public sealed class SimnetDbContext(DbContextOptions<SimnetDbContext> options) : DbContext(options)
{
    public DbSet<SimNode> Nodes => Set<SimNode>();
    public DbSet<SimPeer> Peers => Set<SimPeer>();
    public DbSet<SimBlock> Blocks => Set<SimBlock>();
    public DbSet<SimInvoice> Invoices => Set<SimInvoice>();
    public DbSet<SimPayment> Payments => Set<SimPayment>();
    public DbSet<SimTransaction> Transactions => Set<SimTransaction>();
    public DbSet<SimOutput> Outputs => Set<SimOutput>();
    public DbSet<SimAddress> Addresses => Set<SimAddress>();
    public DbSet<SimChannel> Channels => Set<SimChannel>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SimNode>().ToTable("sim_nodes").HasKey(n => n.Pubkey);
        modelBuilder.Entity<SimPeer>().ToTable("sim_peers").HasKey(p => new { p.NodePubkey, p.PeerPubkey });
        modelBuilder.Entity<SimBlock>().ToTable("sim_blocks").HasKey(b => b.Height);
        modelBuilder.Entity<SimBlock>().Property(b => b.Height).ValueGeneratedNever();
        modelBuilder.Entity<SimInvoice>().ToTable("sim_invoices").HasKey(i => new { i.NodePubkey, i.PaymentHash });
        modelBuilder.Entity<SimPayment>().ToTable("sim_payments").HasKey(p => p.Id);
        modelBuilder.Entity<SimTransaction>().ToTable("sim_transactions").HasKey(t => t.Txid);
        modelBuilder.Entity<SimOutput>().ToTable("sim_outputs").HasKey(o => new { o.Txid, o.Vout });
        modelBuilder.Entity<SimAddress>().ToTable("sim_addresses").HasKey(a => a.Address);
        modelBuilder.Entity<SimChannel>().ToTable("sim_channels").HasKey(c => c.ChannelPoint);
        // Relationships tell EF the order of inserts; the SQL migration declares the same foreign keys.
        modelBuilder.Entity<SimPeer>().HasOne<SimNode>().WithMany().HasForeignKey(p => p.NodePubkey);
        modelBuilder.Entity<SimPeer>().HasOne<SimNode>().WithMany().HasForeignKey(p => p.PeerPubkey);
        modelBuilder.Entity<SimInvoice>().HasOne<SimNode>().WithMany().HasForeignKey(i => i.NodePubkey);
        modelBuilder.Entity<SimPayment>().HasOne<SimNode>().WithMany().HasForeignKey(p => p.NodePubkey);
        modelBuilder.Entity<SimOutput>().HasOne<SimTransaction>().WithMany().HasForeignKey(o => o.Txid);
        modelBuilder.Entity<SimAddress>().HasOne<SimNode>().WithMany().HasForeignKey(a => a.OwnerPubkey);
        modelBuilder.Entity<SimChannel>().HasOne<SimNode>().WithMany().HasForeignKey(c => c.OpenerPubkey);
        modelBuilder.Entity<SimChannel>().HasOne<SimNode>().WithMany().HasForeignKey(c => c.PeerPubkey);
        modelBuilder.ApplyMagmaConventions();
    }
}
