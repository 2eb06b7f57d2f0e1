using System.Security.Cryptography;
using Magma.Lightning;
using Magma.Lightning.Crypto;
using Magma.Lightning.Storage;
using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Errors;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Transactions;

/// <summary>
/// Hold invoices: issued with a payment hash whose preimage the caller keeps, then settled with that preimage
/// or cancelled. The marketplace escrow and the LNbits-style routes both use this.
/// </summary>
public sealed class HoldInvoiceService(SqliteDatabase database, InvoiceIssuer issuer, EnvironmentNodes nodes, InvoiceSettlement settlement)
{
    public Task<PaymentTransaction> Create(Caller caller, InvoiceRequest request, CancellationToken cancellationToken = default) =>
        Create<PaymentsDbContext>(caller, request, alsoInUnit: null, cancellationToken);

    /// <summary>A hold invoice whose transaction commits in one unit with the caller's own writes (see InvoiceIssuer).</summary>
    public Task<PaymentTransaction> Create<TContext>(Caller caller, InvoiceRequest request, Func<TContext, PaymentTransaction, Task>? alsoInUnit,
        CancellationToken cancellationToken = default) where TContext : PaymentsDbContext
    {
        if (!Hex.IsHex(request.HoldPaymentHash, 32))
            throw PaymentErrors.Invalid("payment_hash must be 64 hex characters.", "payment_hash");
        return issuer.Issue(caller, request, alsoInUnit, cancellationToken);
    }

    /// <summary>Releases the preimage: the held HTLC settles and the receive completes.</summary>
    public async Task<PaymentTransaction> Settle(Caller caller, string? preimage, CancellationToken cancellationToken = default)
    {
        caller.Require(PermissionResource.Payments, PermissionLevel.Write);
        if (!Hex.IsHex(preimage, 32))
            throw PaymentErrors.Invalid("preimage must be 64 hex characters.", "preimage");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(preimage!)));
        var (tx, type) = await FindHold(caller, hash);
        var node = nodes.For(type);
        var result = await node.SettleInvoice(preimage!.ToLowerInvariant(), cancellationToken);
        switch (result)
        {
            case SettleInvoiceResult.StillOpen:
                throw new MagmaException(PaymentErrors.HoldInvoiceNotAccepted, "The hold invoice has not been paid yet (invoice still open).");
            case SettleInvoiceResult.AlreadyCanceled:
                throw new MagmaException(PaymentErrors.HoldInvoiceNotAccepted, "The hold invoice was already cancelled.");
            case SettleInvoiceResult.NotFound:
                throw new MagmaException(PaymentErrors.HoldInvoiceNotFound, "The node does not know this hold invoice.");
        }
        // The node event completes the receive too; applying it here makes the answer reflect the settlement.
        if (await node.LookupInvoice(hash, cancellationToken) is { } invoice)
            await settlement.Apply(invoice, type);
        return await Reload(tx.Id);
    }

    /// <summary>Fails the held HTLC back to the payer (or voids the unpaid invoice); the receive fails.</summary>
    public async Task<PaymentTransaction> Cancel(Caller caller, string? paymentHash, CancellationToken cancellationToken = default)
    {
        caller.Require(PermissionResource.Payments, PermissionLevel.Write);
        if (!Hex.IsHex(paymentHash, 32))
            throw PaymentErrors.Invalid("payment_hash must be 64 hex characters.", "payment_hash");
        var (tx, type) = await FindHold(caller, paymentHash!.ToLowerInvariant());
        var node = nodes.For(type);
        if (await node.CancelInvoice(tx.PaymentHash!, cancellationToken) == CancelInvoiceResult.AlreadySettled)
            throw new MagmaException(PaymentErrors.HoldInvoiceNotAccepted, "The hold invoice is already settled.");
        if (await node.LookupInvoice(tx.PaymentHash!, cancellationToken) is { } invoice)
            await settlement.Apply(invoice, type);
        return await Reload(tx.Id);
    }

    private async Task<(PaymentTransaction Tx, EnvironmentType Type)> FindHold(Caller caller, string hash)
    {
        await using var db = database.Read<PaymentsDbContext>();
        // Hashes are chosen by callers, so another tenant may hold one too: only the caller's own hold counts.
        var candidates = await db.Transactions
            .Where(t => t.PaymentHash == hash && t.IsHold && t.Direction == TransactionDirection.Receive)
            .Join(db.Environments, t => t.EnvironmentId, e => e.Id, (t, e) => new { Tx = t, e.Type })
            .ToListAsync();
        var found = candidates.Where(x => caller.CanSeeWallet(x.Tx.EnvironmentId, x.Tx.WalletId)).MaxBy(x => x.Tx.CreatedAt);
        if (found is null)
            throw new MagmaException(PaymentErrors.HoldInvoiceNotFound, "Payment does not exist or does not belong to this wallet.");
        return (found.Tx, found.Type);
    }

    private async Task<PaymentTransaction> Reload(string id)
    {
        await using var db = database.Read<PaymentsDbContext>();
        return await db.Transactions.FirstAsync(t => t.Id == id);
    }
}
