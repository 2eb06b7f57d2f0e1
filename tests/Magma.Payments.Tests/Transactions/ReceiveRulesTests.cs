using Magma.Lightning.Bolt11;
using Magma.Payments.Errors;
using Magma.Payments.Transactions;

namespace Magma.Payments.Tests.Transactions;

/// <summary>Every create_receive input rule of the Receive Payments page.</summary>
public sealed class ReceiveRulesTests : PaymentsHarness
{
    private ReceiveService Receive => Get<ReceiveService>();

    private ReceiveInput Input(string? amount = "1000", string? description = null, int? expires = null, string? key = null, string? metadata = null) =>
        new(SandboxWallet.Id, amount, description, expires, key, metadata);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("12abc")]
    [InlineData("007")]
    [InlineData("1000000000000000000000")]
    public async Task TheAmountMustBeAPositiveIntegerString(string? amount)
    {
        var error = await Assert.ThrowsAsync<MagmaException>(() => Receive.CreateReceive(Admin, Input(amount)));

        Assert.Equal(ErrorKind.Validation, error.Error.Kind);
        Assert.Equal("amount", error.Property);
    }

    [Fact]
    public async Task TheDescriptionIsAtMost640CharactersAndEncodedInTheInvoice()
    {
        var tooLong = await Assert.ThrowsAsync<MagmaException>(() => Receive.CreateReceive(Admin, Input(description: new string('d', 641))));
        var fits = await Receive.CreateReceive(Admin, Input(description: new string('d', 640)));

        Assert.Equal("description", tooLong.Property);
        // 640 bytes do not fit BOLT11's 639-byte "d" field, so the invoice commits to the text with "h".
        Assert.True(Bolt11Decoder.Decode(fits.PaymentRequest!).Invoice!.CommitsTo(new string('d', 640)));
        Assert.Equal(new string('d', 640), fits.Description);
        var shorter = await Receive.CreateReceive(Admin, Input(description: "Order #42"));
        Assert.Equal("Order #42", Bolt11Decoder.Decode(shorter.PaymentRequest!).Invoice!.Description);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2_592_001)]
    public async Task ExpiryMustBeBetweenOneSecondAndThirtyDays(int seconds)
    {
        var error = await Assert.ThrowsAsync<MagmaException>(() => Receive.CreateReceive(Admin, Input(expires: seconds)));

        Assert.Equal("expires_in_seconds", error.Property);
    }

    [Fact]
    public async Task ExpiryDefaultsToTenMinutesAndIsEncodedInTheInvoice()
    {
        var byDefault = await Receive.CreateReceive(Admin, Input());
        var longest = await Receive.CreateReceive(Admin, Input(expires: 2_592_000));

        Assert.Equal(Clock.GetUtcNow().UtcDateTime.AddMinutes(10), byDefault.ExpiresAt);
        Assert.Equal(600, Bolt11Decoder.Decode(byDefault.PaymentRequest!).Invoice!.ExpirySeconds);
        Assert.Equal(2_592_000, Bolt11Decoder.Decode(longest.PaymentRequest!).Invoice!.ExpirySeconds);
    }

    [Fact]
    public async Task AmountsAreSatsForBitcoinWallets()
    {
        var tx = await Receive.CreateReceive(Admin, Input("100000"));

        Assert.Equal(100_000_000, tx.AmountMsat);
        Assert.Equal(100_000_000, Bolt11Decoder.Decode(tx.PaymentRequest!).Invoice!.AmountMsat);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task IdempotencyKeysAreOneTo255Characters(string? prefix)
    {
        var empty = await Assert.ThrowsAsync<MagmaException>(() => Receive.CreateReceive(Admin, Input(key: prefix ?? "")));
        var tooLong = await Assert.ThrowsAsync<MagmaException>(() => Receive.CreateReceive(Admin, Input(key: new string('k', 256))));
        var longest = await Receive.CreateReceive(Admin, Input(key: new string('k', 255)));

        Assert.Equal("idempotency_key", empty.Property);
        Assert.Equal("idempotency_key", tooLong.Property);
        Assert.Equal(new string('k', 255), longest.IdempotencyKey);
    }

    [Fact]
    public async Task AReplayedIdempotencyKeyReturnsTheOriginalInvoice()
    {
        var first = await Receive.CreateReceive(Admin, Input("1000", key: "order-42-attempt-1"));
        var replay = await Receive.CreateReceive(Admin, Input("5000", key: "order-42-attempt-1"));

        Assert.Equal(first.Id, replay.Id);
        Assert.Equal(first.PaymentRequest, replay.PaymentRequest);
    }

    [Fact]
    public async Task MetadataIsAJsonStringOfAtMost2048CharactersRoundTrippedVerbatim()
    {
        var metadata = "{\"order_id\":\"42\",  \"note\":\"é\"}";
        var padded = "{\"x\":\"" + new string('x', 2048 - 8) + "\"}";

        var kept = await Receive.CreateReceive(Admin, Input(metadata: metadata));
        var notJson = await Assert.ThrowsAsync<MagmaException>(() => Receive.CreateReceive(Admin, Input(metadata: "order 42")));
        var tooLong = await Assert.ThrowsAsync<MagmaException>(() => Receive.CreateReceive(Admin, Input(metadata: padded.Insert(2, "y"))));

        Assert.Equal(metadata, (await Get<TransactionQueries>().FindOne(Admin, kept.Id)).Metadata);
        Assert.Equal("metadata", notJson.Property);
        Assert.Equal("metadata", tooLong.Property);
        Assert.Equal(2048, padded.Length);
        await Receive.CreateReceive(Admin, Input(metadata: padded));
    }

    [Fact]
    public async Task AnUnknownSandboxBehaviourIsRefused()
    {
        var error = await Assert.ThrowsAsync<MagmaException>(() => Receive.CreateReceive(Admin, Input(metadata: "{\"amb_sandbox_behavior\":\"explode\"}")));

        Assert.Equal("metadata", error.Property);
    }

    [Fact]
    public async Task AMalformedWalletIdIsAnInvalidId()
    {
        var error = await Assert.ThrowsAsync<MagmaException>(() => Receive.CreateReceive(Admin, Input() with { WalletId = "not-a-uuid" }));

        Assert.Equal(PaymentErrors.InvalidId, error.Error);
        Assert.Equal("Invalid ID", error.Message);
    }
}
