using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Wallets;

namespace Magma.Api.GraphQL.Payments;

public sealed record EnvironmentView(PaymentsEnvironment Environment)
{
    public string Id => Environment.Id;
    public string Name => Environment.Name;
    public EnvironmentType Type => Environment.Type;
    public DateTime CreatedAt => Environment.CreatedAt;
    public DateTime UpdatedAt => Environment.UpdatedAt;
}

public sealed record WalletView(Wallet Wallet, AssetView AssetView)
{
    public string Id => Wallet.Id;
    public string Name => Wallet.Name;
    public AssetView Asset => AssetView;
    public string AssetId => Wallet.AssetId;
    public string EnvironmentId => Wallet.EnvironmentId;
    /// <summary>Wallets are usable as soon as they exist: Magma provisions no asset channels.</summary>
    public bool IsReady => true;
    public DateTime CreatedAt => Wallet.CreatedAt;
    public DateTime UpdatedAt => Wallet.UpdatedAt;
}

public sealed record BalanceView(string Balance, string Received, string Sent);

public sealed record ApiKeyView(ApiKey Key)
{
    public string Id => Key.Id;
    public string Name => Key.Name;
    public string KeyPrefix => Key.KeyPrefix;
    public string KeySuffix => Key.KeySuffix;
    public IReadOnlyList<Permission> Permissions => Magma.Payments.Credentials.ApiKeyService.ParsePermissions(Key.Permissions);
    public string EnvironmentId => Key.EnvironmentId;
    public string? WalletId => Key.WalletId;
    public bool Active => Key.RevokedAt is null;
    public DateTime? ExpiresAt => Key.ExpiresAt;
    public DateTime? LastUsedAt => Key.LastUsedAt;
    public DateTime CreatedAt => Key.CreatedAt;
    public DateTime UpdatedAt => Key.UpdatedAt;
}
