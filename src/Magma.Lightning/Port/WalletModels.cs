namespace Magma.Lightning;

public sealed record WalletBalance(long ConfirmedSat, long UnconfirmedSat);

public sealed record WalletTransactionOutput(string Address, long AmountSat, int Vout, bool IsOurs);

/// <summary>An on-chain transaction touching the node's wallet (LND GetTransactions).</summary>
public sealed record WalletTransaction(string Txid, long AmountSat, long FeeSat, int Confirmations, int? BlockHeight, IReadOnlyList<WalletTransactionOutput> Outputs);

public enum SendCoinsOutcome { Sent, InsufficientFunds, InvalidAddress }

public sealed record SendCoinsResult(SendCoinsOutcome Outcome, string? Txid);
