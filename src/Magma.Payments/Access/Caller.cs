namespace Magma.Payments.Access;

/// <summary>
/// What a service API key's permissions name. WalletCredentials is accepted so Rails inputs run unchanged, but no
/// operation requires it: Magma never shows or issues wallet credentials to an API key (docs/api-graphql.md).
/// </summary>
public enum PermissionResource { Environments, Wallets, Payments, Webhooks, WalletCredentials }

public enum PermissionLevel { Read, Write }

public sealed record Permission(PermissionResource Resource, PermissionLevel Level);

/// <summary>Who is asking. Each payments operation checks the caller's scope in <see cref="Authorization"/>.</summary>
public abstract record Caller
{
    /// <summary>The master credential: every environment, and API key management.</summary>
    public sealed record Admin : Caller;

    /// <summary>A service API key: one environment, optionally one wallet, with per-resource permissions.</summary>
    public sealed record ServiceKey(string KeyId, string EnvironmentId, string? WalletId, IReadOnlyList<Permission> Permissions) : Caller;

    /// <summary>An LNbits-style wallet key. The invoice key reads and receives; the admin key can also spend.</summary>
    public sealed record WalletKey(string WalletId, string EnvironmentId, bool IsAdminKey) : Caller;

    public static Caller AdminCaller { get; } = new Admin();
}
