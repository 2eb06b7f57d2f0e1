using Magma.Lightning.Bitcoin;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Storage;
using Magma.Payments.Access;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Errors;
using Magma.Payments.LightningAddress;
using Magma.Payments.Wallets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Magma.Payments.Transactions;

/// <summary>
/// Sends: checks the destination as the Send Payments page specifies, reserves amount plus fee reserve in the
/// same unit that claims the idempotency key, then settles internally, schedules a sandbox outcome or hands the
/// payment to the node.
/// </summary>
public sealed class SendService(
    SqliteDatabase database,
    WalletService wallets,
    EnvironmentService environments,
    AssetCatalog assets,
    LnurlPayResolver lightningAddresses,
    SendDispatcher dispatcher,
    InternalSettlement internalSettlement,
    TimeProvider time,
    IOptions<PaymentsOptions> options,
    ILogger<SendService> logger)
{
    public async Task<PaymentTransaction> CreateSend(Caller caller, SendInput input, CancellationToken cancellationToken = default)
    {
        caller.RequireSpend();
        var walletId = Ids.Require(input.WalletId, "wallet_id");
        if ((input.Request is null) == (input.Address is null))
            throw PaymentErrors.Invalid("Exactly one of request or address must be provided.", "request");
        var key = Validation.OptionalIdempotencyKey(input.IdempotencyKey);
        var metadata = Validation.OptionalMetadata(input.Metadata);
        var wallet = await wallets.Find(caller, walletId);
        var asset = assets.Get(wallet.AssetId);
        // A replay returns the original whatever has changed since: the invoice expired, the balance was spent,
        // the Lightning Address server is down.
        if (await IdempotencyGuard.Existing(database, wallet.Id, key) is { } replayed)
            return replayed;

        string bolt11;
        if (input.Address is { } address)
        {
            if (!asset.IsBtc)
                throw new MagmaException(PaymentErrors.LightningAddressUnsupported, "Lightning Address sends from Taproot Asset wallets are not yet supported.", "address");
            var lightningAddress = Validation.RequiredText(address.LightningAddress, "address.lightning_address", 255);
            var sats = Validation.PositiveIntegerString(address.Amount, "address.amount");
            var environment = await environments.Find(Caller.AdminCaller, wallet.EnvironmentId);
            bolt11 = await lightningAddresses.Resolve(lightningAddress, checked(sats * 1000), environment.Type, cancellationToken);
            return await Pay(caller, new PaymentOrder(wallet.Id, bolt11, key, metadata, lightningAddress), cancellationToken);
        }
        bolt11 = input.Request!.Bolt11?.Trim() ?? "";
        if (bolt11.Length is < 1 or > 2048)
            throw PaymentErrors.Invalid("request.bolt11 must be between 1 and 2048 characters.", "request.bolt11");
        return await Pay(caller, new PaymentOrder(wallet.Id, bolt11, key, metadata), cancellationToken);
    }

    /// <summary>Pays a BOLT11 invoice from a wallet; shared by every API that sends.</summary>
    public async Task<PaymentTransaction> Pay(Caller caller, PaymentOrder order, CancellationToken cancellationToken = default)
    {
        caller.RequireSpend();
        var wallet = await wallets.Find(caller, order.WalletId);
        var environment = await environments.Find(Caller.AdminCaller, wallet.EnvironmentId);
        var asset = assets.Get(wallet.AssetId);
        if (await IdempotencyGuard.Existing(database, wallet.Id, order.IdempotencyKey) is { } replayed)
            return replayed;
        var invoice = Check(Bolt11Decoder.Decode(order.Bolt11), environment);
        var behavior = SandboxBehavior.From(order.Metadata, environment.Type);
        var now = time.GetUtcNow().UtcDateTime;

        var amountMsat = invoice.AmountMsat!.Value;
        var feeReserveMsat = Math.Max(options.Value.MinFeeReserveMsat, amountMsat * options.Value.FeeReservePpm / 1_000_000);
        var tx = new PaymentTransaction
        {
            Id = Ids.New(now), EnvironmentId = environment.Id, WalletId = wallet.Id, Direction = TransactionDirection.Send,
            Status = TransactionStatus.Pending, Stage = TransactionStage.Open, AssetId = asset.Id,
            Amount = ToWalletUnits(asset, amountMsat), AmountMsat = amountMsat, FeeReserveMsat = feeReserveMsat,
            PaymentHash = invoice.PaymentHash, PaymentRequest = invoice.PaymentRequest, Description = invoice.Description,
            DescriptionHash = invoice.DescriptionHash, Metadata = order.Metadata, IdempotencyKey = order.IdempotencyKey ?? Ids.New(now),
            SandboxBehavior = behavior?.ToString().ToLowerInvariant(), LightningAddress = order.LightningAddress, Extra = order.Extra,
            ExpiresAt = invoice.ExpiresAt.UtcDateTime, CreatedAt = now, UpdatedAt = now,
            ExchangeRate = asset.IsBtc ? null : AssetConversion.SatsPerUnit(assets.BtcUsdCents),
        };
        if (SandboxOutcomeFor(environment, invoice, behavior) is { } outcome)
        {
            tx.Stage = TransactionStage.SandboxScheduled;
            tx.SandboxBehavior = outcome.ToString().ToLowerInvariant();
            tx.SandboxDueAt = now + options.Value.Sandbox.BehaviorDelay;
        }

        var original = await IdempotencyGuard.Claim(database, tx, async db =>
        {
            await Ledger.Ledger.Reserve(db, tx, tx.Amount + ToWalletUnits(asset, feeReserveMsat), now);
            // Claims an invoice of this node for internal settlement, or fails the send if that invoice can no longer
            // be paid, rather than sending it to the node as a self-payment.
            if (tx.Stage == TransactionStage.Open)
                await internalSettlement.TryClaim(db, tx, environment, now);
        });
        if (original is not null)
            return original;
        if (tx.Stage == TransactionStage.Internal)
            await FinishInternally(tx, environment.Type);
        else if (tx.Stage == TransactionStage.Open)
            await dispatcher.DispatchWithin(tx.Id, options.Value.SendWait, cancellationToken);

        await using var read = database.Read<PaymentsDbContext>();
        return await read.Transactions.FirstAsync(t => t.Id == tx.Id, cancellationToken);
    }

    /// <summary>A node that cannot cancel right now leaves the send pending: the reconciler finishes it.</summary>
    private async Task FinishInternally(PaymentTransaction tx, EnvironmentType type)
    {
        try
        {
            await internalSettlement.Finish(tx.Id, type);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Settling send {TransactionId} internally failed; the reconciler retries", tx.Id);
        }
    }

    /// <summary>
    /// A sandbox send settles by its behaviour. Without one it pays for real when the invoice is on Simnet's own
    /// network, and otherwise takes the default behaviour, expire.
    /// </summary>
    private static SandboxOutcome? SandboxOutcomeFor(PaymentsEnvironment environment, Bolt11Invoice invoice, SandboxOutcome? behavior)
    {
        if (environment.Type != EnvironmentType.Sandbox)
            return null;
        if (behavior is not null)
            return behavior;
        return invoice.Network == BitcoinNetwork.Regtest ? null : SandboxOutcome.Expire;
    }

    private Bolt11Invoice Check(Bolt11DecodeResult decoded, PaymentsEnvironment environment)
    {
        if (!decoded.Success)
            throw new MagmaException(PaymentErrors.InvalidInvoice, $"Invalid BOLT11 invoice: {decoded.Error.Message}", "request.bolt11");
        var invoice = decoded.Invoice;
        if (!environment.Type.Allows(invoice.Network))
            throw new MagmaException(PaymentErrors.InvoiceNetworkNotAllowed, $"Invoice network {invoice.Network.Name} is not allowed for this wallet", "request.bolt11");
        if (invoice.IsExpired(time.GetUtcNow()))
            throw new MagmaException(PaymentErrors.InvoiceExpired, "Invoice has already expired", "request.bolt11");
        if (invoice.AmountMsat is null or 0)
            throw new MagmaException(PaymentErrors.AmountlessInvoice, "Amountless invoices are not yet supported. The BOLT11 must encode a positive amount.", "request.bolt11");
        return invoice;
    }

    /// <summary>Msat into the wallet's unit, rounded up so the wallet always covers what leaves it.</summary>
    private long ToWalletUnits(Asset asset, long msat) =>
        asset.IsBtc ? msat : AssetConversion.FromMsat(msat, asset.Precision, assets.BtcUsdCents);
}
