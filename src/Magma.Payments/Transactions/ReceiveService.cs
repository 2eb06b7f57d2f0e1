using Magma.Lightning.Crypto;
using Magma.Payments.Access;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Errors;
using Magma.Payments.Wallets;

namespace Magma.Payments.Transactions;

/// <summary>The Rails <c>create_receive</c> input, validated field by field as the Receive Payments page specifies.</summary>
public sealed record ReceiveInput(string? WalletId, string? Amount, string? Description, int? ExpiresInSeconds, string? IdempotencyKey, string? Metadata);

public sealed class ReceiveService(InvoiceIssuer issuer, WalletService wallets, AssetCatalog assets)
{
    public const int MaxDescriptionLength = 640;
    public const int MaxExpirySeconds = 2_592_000;
    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromMinutes(10);

    public async Task<PaymentTransaction> CreateReceive(Caller caller, ReceiveInput input, CancellationToken cancellationToken = default)
    {
        caller.Require(PermissionResource.Payments, PermissionLevel.Write);
        var walletId = Ids.Require(input.WalletId, "wallet_id");
        var amount = Validation.PositiveIntegerString(input.Amount, "amount");
        if (input.Description is { Length: > MaxDescriptionLength })
            throw PaymentErrors.Invalid($"description must be at most {MaxDescriptionLength} characters.", "description");
        if (input.ExpiresInSeconds is < 1 or > MaxExpirySeconds)
            throw PaymentErrors.Invalid($"expires_in_seconds must be between 1 and {MaxExpirySeconds}.", "expires_in_seconds");
        var key = Validation.OptionalIdempotencyKey(input.IdempotencyKey);
        var metadata = Validation.OptionalMetadata(input.Metadata);
        var wallet = await wallets.Find(caller, walletId);
        var asset = assets.Get(wallet.AssetId);

        return await issuer.Issue(caller, new InvoiceRequest(
            wallet.Id,
            AmountFormat.FromBaseUnits(asset, amount),
            input.Description,
            input.ExpiresInSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultExpiry,
            key,
            metadata), cancellationToken);
    }
}
