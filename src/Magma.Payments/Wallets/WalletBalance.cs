namespace Magma.Payments.Wallets;

/// <summary>Derived from the ledger, in the wallet asset's base unit (msat for BTC).</summary>
public sealed record WalletBalance(long Balance, long Received, long Sent)
{
    public static WalletBalance Zero { get; } = new(0, 0, 0);
}
