namespace Magma.Payments.Transactions;

/// <summary>The Rails <c>create_send</c> input: exactly one of a BOLT11 request or a Lightning Address with an amount.</summary>
public sealed record SendInput(string? WalletId, SendByRequest? Request, SendByAddress? Address, string? IdempotencyKey, string? Metadata);

public sealed record SendByRequest(string? Bolt11);

public sealed record SendByAddress(string? LightningAddress, string? Amount);

/// <summary>A payment as the core understands it once the destination is a BOLT11 invoice.</summary>
public sealed record PaymentOrder(string WalletId, string Bolt11, string? IdempotencyKey = null, string? Metadata = null, string? LightningAddress = null, string? Extra = null);
