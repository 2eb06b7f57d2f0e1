namespace Magma.Payments.Data;

/// <summary>A wallet holds exactly one asset; its balance is the sum of its ledger entries.</summary>
public sealed class Wallet
{
    public required string Id { get; set; }
    public required string EnvironmentId { get; set; }
    public required string Name { get; set; }
    public required string AssetId { get; set; }
    public string? InvoiceKeyHash { get; set; }
    public string? AdminKeyHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
}
