namespace Magma.Payments.Data;

public enum LedgerEntryKind
{
    /// <summary>A receive settled: the amount arrives.</summary>
    Credit,
    /// <summary>A send leaves: amount plus the most it may cost in fees, held back until the outcome is known.</summary>
    Reserve,
    /// <summary>The reservation comes back when a send fails or expires, or is replaced by the final debit.</summary>
    Release,
    /// <summary>A send completed: the amount and the fee actually paid.</summary>
    Debit,
    /// <summary>Funds placed into a wallet by an operator, such as a sandbox float.</summary>
    Deposit,
}

/// <summary>A signed movement on a wallet, in the wallet asset's base unit.</summary>
public sealed class LedgerEntry
{
    public long Id { get; set; }
    public required string WalletId { get; set; }
    public string? TransactionId { get; set; }
    public LedgerEntryKind Kind { get; set; }
    public long Amount { get; set; }
    public DateTime CreatedAt { get; set; }
}
