namespace Magma.Market.Data;

public enum AccountKind { Anonymous, Registered }

public sealed class Account
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public AccountKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum AccountKeyKind { Session, Api }

/// <summary>A Bearer credential of an account: a session key from an anonymous buy, or an API key. Hash only.</summary>
public sealed class AccountKey
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }
    public AccountKeyKind Kind { get; set; }
    public required string Name { get; set; }
    public required string KeyHash { get; set; }
    public required string KeyPrefix { get; set; }
    public required string KeySuffix { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>A node whose key signed a login challenge: the account may post offers for it.</summary>
public sealed class AccountNode
{
    public required string Pubkey { get; set; }
    public required string AccountId { get; set; }
    public DateTime VerifiedAt { get; set; }
}

public sealed class LoginChallenge
{
    public required string Id { get; set; }
    public required string Pubkey { get; set; }
    public required string Message { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}
