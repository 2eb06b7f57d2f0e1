using System.Security.Cryptography;
using System.Text;
using Magma.Lightning;
using Magma.Lightning.Crypto;
using Magma.Lightning.Storage;
using Magma.Payments.Access;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Errors;
using Magma.Payments.Wallets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Magma.Payments.Transactions;

/// <summary>
/// Issues receive invoices (normal or hold) for every API. With an idempotency key the transaction is claimed
/// first and finished after the node made the invoice; without one it is written once, after.
/// </summary>
public sealed class InvoiceIssuer(
    SqliteDatabase database,
    WalletService wallets,
    EnvironmentService environments,
    EnvironmentNodes nodes,
    AssetCatalog assets,
    TransactionTimeline timeline,
    TimeProvider time,
    IOptions<PaymentsOptions> options)
{
    private const int MaxDescriptionBytes = 639;

    public Task<PaymentTransaction> Issue(Caller caller, InvoiceRequest request, CancellationToken cancellationToken = default) =>
        Issue<PaymentsDbContext>(caller, request, alsoInUnit: null, cancellationToken);

    /// <summary>
    /// Issues the invoice and records its transaction in one unit with <paramref name="alsoInUnit"/>, a caller's own
    /// writes that belong with it (the market's order for its escrow invoice): both commit or neither does. When the
    /// unit fails, the node's invoice is cancelled, so nothing can pay an invoice no transaction records.
    /// </summary>
    public async Task<PaymentTransaction> Issue<TContext>(Caller caller, InvoiceRequest request, Func<TContext, PaymentTransaction, Task>? alsoInUnit,
        CancellationToken cancellationToken = default) where TContext : PaymentsDbContext
    {
        caller.Require(PermissionResource.Payments, PermissionLevel.Write);
        var wallet = await wallets.Find(caller, request.WalletId);
        var environment = await environments.Find(Caller.AdminCaller, wallet.EnvironmentId);
        var node = nodes.For(environment.Type);
        var asset = assets.Get(wallet.AssetId);
        var behavior = SandboxBehavior.From(request.Metadata, environment.Type);
        var amountMsat = asset.IsBtc ? request.Amount : AssetConversion.ToMsat(request.Amount, asset.Precision, assets.BtcUsdCents);

        // A BOLT11 "d" field holds at most 639 bytes; a longer description is committed to with "h" instead.
        var descriptionHash = request.DescriptionHash ?? (request.Description is { } text && Encoding.UTF8.GetByteCount(text) > MaxDescriptionBytes
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))
            : null);
        var preimage = request.HoldPaymentHash is null ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) : request.HoldPreimage?.ToLowerInvariant();
        var hash = request.HoldPaymentHash?.ToLowerInvariant() ?? Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(preimage!)));
        var now = time.GetUtcNow().UtcDateTime;
        var tx = new PaymentTransaction
        {
            Id = Ids.New(now), EnvironmentId = environment.Id, WalletId = wallet.Id, Direction = TransactionDirection.Receive,
            Status = TransactionStatus.Pending, Stage = TransactionStage.Reserved, AssetId = asset.Id, Amount = request.Amount,
            AmountMsat = amountMsat, PaymentHash = hash, Preimage = preimage, Description = request.Description,
            DescriptionHash = descriptionHash, Metadata = request.Metadata, IdempotencyKey = request.IdempotencyKey ?? Ids.New(now),
            SandboxBehavior = behavior?.ToString().ToLowerInvariant(), IsHold = request.HoldPaymentHash is not null,
            WebhookUrl = request.WebhookUrl, Extra = request.Extra, ExpiresAt = now + request.Expiry,
            ExchangeRate = asset.IsBtc ? null : AssetConversion.SatsPerUnit(assets.BtcUsdCents), CreatedAt = now, UpdatedAt = now,
        };

        var claimed = request.IdempotencyKey is not null;
        if (claimed && await IdempotencyGuard.Claim(database, tx) is { } original)
            return original;

        string paymentRequest;
        try
        {
            paymentRequest = await CreateOnNode(node, tx, request, cancellationToken);
        }
        catch
        {
            if (claimed)
                await IdempotencyGuard.Release(database, tx.Id);
            throw;
        }

        try
        {
            return await Record(tx, paymentRequest, claimed, now, alsoInUnit);
        }
        catch when (alsoInUnit is not null)
        {
            await CancelOnNode(node, tx.PaymentHash!);
            throw;
        }
    }

    /// <summary>
    /// Writes an issued invoice's transaction as open (or with its sandbox behaviour scheduled) and records
    /// <c>payment.pending</c>. A claimed transaction is already stored in the Reserved stage and only moves on; the
    /// reconciler finishes one whose request was interrupted after the node made its invoice the same way.
    /// </summary>
    internal Task<PaymentTransaction> Record(PaymentTransaction tx, string paymentRequest, bool claimed, DateTime now) =>
        Record<PaymentsDbContext>(tx, paymentRequest, claimed, now, alsoInUnit: null);

    private Task<PaymentTransaction> Record<TContext>(PaymentTransaction tx, string paymentRequest, bool claimed, DateTime now,
        Func<TContext, PaymentTransaction, Task>? alsoInUnit) where TContext : PaymentsDbContext =>
        database.Write<TContext, PaymentTransaction>(async db =>
        {
            if (claimed)
                db.Transactions.Attach(tx);
            else
                db.Insert(tx);
            tx.PaymentRequest = paymentRequest;
            tx.Stage = tx.SandboxBehavior is "complete" or "fail" ? TransactionStage.SandboxScheduled : TransactionStage.Open;
            tx.SandboxDueAt = tx.Stage == TransactionStage.SandboxScheduled ? now + options.Value.Sandbox.BehaviorDelay : null;
            tx.UpdatedAt = now;
            await timeline.Record(db, tx, PaymentEventTypes.Pending, tx.IsHold ? "Hold invoice created" : "Invoice created",
                new { payment_hash = tx.PaymentHash, amount_msat = tx.AmountMsat }, now);
            if (alsoInUnit is not null)
                await alsoInUnit(db, tx);
            await db.SaveChangesAsync();
            return tx;
        });

    // Best effort, and never in place of the unit's own failure; an invoice left open expires unpaid.
    private static async Task CancelOnNode(ILightningNode node, string paymentHash)
    {
        try
        {
            await node.CancelInvoice(paymentHash, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
        }
    }

    private static async Task<string> CreateOnNode(ILightningNode node, PaymentTransaction tx, InvoiceRequest request, CancellationToken cancellationToken)
    {
        try
        {
            if (!tx.IsHold)
                return (await node.CreateInvoice(new CreateInvoiceParams(tx.AmountMsat, tx.Description, tx.DescriptionHash, request.Expiry, tx.Preimage), cancellationToken)).PaymentRequest;
            var hold = await node.CreateHoldInvoice(new CreateHoldInvoiceParams(tx.PaymentHash!, tx.AmountMsat, tx.Description, tx.DescriptionHash, request.Expiry, request.CltvExpiry), cancellationToken);
            return hold.Invoice?.PaymentRequest
                ?? throw new MagmaException(PaymentErrors.DuplicatePaymentHash, "A hold invoice with this payment hash already exists.", "payment_hash");
        }
        catch (Exception ex) when (ex is not MagmaException and not OperationCanceledException)
        {
            throw new MagmaException(PaymentErrors.NodeUnavailable, "The Lightning node could not create the invoice.");
        }
    }
}
