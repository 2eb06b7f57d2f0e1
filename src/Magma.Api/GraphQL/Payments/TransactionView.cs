using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Transactions;

namespace Magma.Api.GraphQL.Payments;

/// <summary>PaymentsTransaction (and SimplePaymentsTransaction): amounts in the wallet asset, sats for BTC.</summary>
public sealed class TransactionView(PaymentTransaction tx, Asset asset, long btcUsdCents)
{
    public PaymentTransaction Transaction => tx;
    public string Id => tx.Id;
    public string WalletId => tx.WalletId;
    public string? NodeId => null;
    public string IdempotencyKey => tx.IdempotencyKey;
    public TransactionDirection Direction => tx.Direction;
    public TransactionStatus Status => tx.Status;
    public AmountView Amount => new(asset, tx.Amount, btcUsdCents);
    public string AmountSats => AmountFormat.MsatAsSats(tx.AmountMsat);
    public AssetView Asset => new(asset, btcUsdCents);
    public AmountView? Fee => tx.Status == TransactionStatus.Pending && tx.Direction == TransactionDirection.Receive ? null : new(asset, FeeUnits, btcUsdCents);
    public string? ExchangeRate => asset.IsBtc || tx.Status != TransactionStatus.Completed ? null : tx.ExchangeRate;
    public string? PaymentHash => tx.PaymentHash;
    public string? PaymentRequest => tx.PaymentRequest;
    public string? Description => tx.Description;
    public string? Metadata => tx.Metadata;
    public string? Error => tx.Error;
    public DateTime? ExpiresAt => tx.ExpiresAt;
    public DateTime? SettledAt => tx.SettledAt;
    public AmountView? SettleAmount => tx.SettleAmount is { } settled ? new(asset, settled, btcUsdCents) : null;
    public string? SettleAmountSats => tx.Status == TransactionStatus.Completed ? AmountFormat.MsatAsSats(tx.AmountMsat) : null;
    public DateTime CreatedAt => tx.CreatedAt;
    public DateTime UpdatedAt => tx.UpdatedAt;

    private long FeeUnits => asset.IsBtc ? tx.FeeMsat : AssetConversion.FromMsat(tx.FeeMsat, asset.Precision, btcUsdCents);
}

public sealed record TransactionEventView(string EventType, string Message, string? Details, DateTime CreatedAt);
