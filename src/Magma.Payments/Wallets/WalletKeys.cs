namespace Magma.Payments.Wallets;

/// <summary>LNbits-style wallet keys, shown once at creation.</summary>
public sealed record WalletKeys(string AdminKey, string InvoiceKey);
