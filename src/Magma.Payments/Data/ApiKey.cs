namespace Magma.Payments.Data;

/// <summary>A service API key. Only its hash is stored; prefix and suffix let people recognise it.</summary>
public sealed class ApiKey
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string EnvironmentId { get; set; }
    public string? WalletId { get; set; }
    public required string KeyHash { get; set; }
    public required string KeyPrefix { get; set; }
    public required string KeySuffix { get; set; }
    /// <summary>JSON array of {resource, level}.</summary>
    public required string Permissions { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
