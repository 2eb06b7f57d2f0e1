using Magma.Payments.Errors;

namespace Magma.Payments.Access;

/// <summary>
/// The one place that decides what a caller may do. A missing permission is FORBIDDEN; an object outside the
/// caller's environment or wallet scope is reported as not found, so other tenants' objects stay invisible.
/// </summary>
public static class Authorization
{
    public static void Require(this Caller caller, PermissionResource resource, PermissionLevel level)
    {
        switch (caller)
        {
            case Caller.Admin:
                return;
            case Caller.ServiceKey key when key.Permissions.Any(p => p.Resource == resource && (p.Level == level || p.Level == PermissionLevel.Write)):
                return;
            // Both wallet keys read and receive; spending is checked separately by RequireSpend.
            case Caller.WalletKey when resource == PermissionResource.Payments:
                return;
            case Caller.WalletKey when resource == PermissionResource.Wallets && level == PermissionLevel.Read:
                return;
            default:
                throw new MagmaException(PaymentErrors.Forbidden, $"This credential lacks the {resource.ToString().ToUpperInvariant()}:{level.ToString().ToUpperInvariant()} permission.");
        }
    }

    /// <summary>Sending spends money: a wallet's invoice key cannot.</summary>
    public static void RequireSpend(this Caller caller)
    {
        caller.Require(PermissionResource.Payments, PermissionLevel.Write);
        if (caller is Caller.WalletKey { IsAdminKey: false })
            throw new MagmaException(PaymentErrors.Forbidden, "An invoice key cannot send payments; use the admin key.");
    }

    public static bool CanSeeEnvironment(this Caller caller, string environmentId) => caller switch
    {
        Caller.Admin => true,
        Caller.ServiceKey key => key.EnvironmentId == environmentId,
        Caller.WalletKey wallet => wallet.EnvironmentId == environmentId,
        _ => false,
    };

    public static bool CanSeeWallet(this Caller caller, string environmentId, string walletId) => caller switch
    {
        Caller.Admin => true,
        Caller.ServiceKey key => key.EnvironmentId == environmentId && (key.WalletId is null || key.WalletId == walletId),
        Caller.WalletKey wallet => wallet.WalletId == walletId,
        _ => false,
    };

    /// <summary>The environment a scoped caller is bound to; null for the admin.</summary>
    public static string? ScopedEnvironmentId(this Caller caller) => caller switch
    {
        Caller.ServiceKey key => key.EnvironmentId,
        Caller.WalletKey wallet => wallet.EnvironmentId,
        _ => null,
    };
}
