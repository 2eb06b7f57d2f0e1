using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace Magma.Api.Tests.Lnbits;

public sealed class LnbitsHoldTests(LnbitsApi api) : IClassFixture<LnbitsApi>
{
    [Fact]
    public async Task AServerHeldHoldInvoiceIsSettledWithPutOnceTheHtlcIsHeld()
    {
        var wallet = await api.NewWallet();
        var hold = await CreateHold(wallet, new { @out = false, amount = 2_000, memo = "escrow", hold = true });
        var checkingId = hold.GetProperty("checking_id").GetString()!;
        Assert.True(hold.GetProperty("extra").GetProperty("hold_invoice").GetBoolean());

        var early = await api.WithKey(wallet.AdminKey).PutAsync($"/api/v1/payments/{checkingId}", null);
        var payment = await api.PayExternally(hold.GetProperty("payment_request").GetString()!);
        var settled = await api.WithKey(wallet.AdminKey).PutAsync($"/api/v1/payments/{checkingId}", null);

        Assert.Equal(520, (int)early.StatusCode);
        Assert.Contains("not been paid", (await early.Json<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("ACCEPTED", payment.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, settled.StatusCode);
        Assert.Equal("Payment settled", (await settled.Json<JsonElement>()).GetProperty("detail").GetString());
        var status = await api.Status(wallet.InvoiceKey, checkingId);
        Assert.True(status.GetProperty("paid").GetBoolean());
        Assert.True(status.GetProperty("details").GetProperty("extra").GetProperty("hold_invoice_settled").GetBoolean());
        Assert.Equal(2_000_000, (await (await api.WithKey(wallet.InvoiceKey).GetAsync("/api/v1/wallet")).Json<JsonElement>()).GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task DeleteCancelsAHeldPaymentAndItBecomesFailed()
    {
        var wallet = await api.NewWallet();
        var hold = await CreateHold(wallet, new { @out = false, amount = 700, hold = true });
        var checkingId = hold.GetProperty("checking_id").GetString()!;
        await api.PayExternally(hold.GetProperty("payment_request").GetString()!);

        var cancelled = await api.WithKey(wallet.AdminKey).DeleteAsync($"/api/v1/payments/{checkingId}");

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Payment cancelled", (await cancelled.Json<JsonElement>()).GetProperty("detail").GetString());
        var status = await api.Status(wallet.InvoiceKey, checkingId);
        Assert.False(status.GetProperty("paid").GetBoolean());
        Assert.Equal("failed", status.GetProperty("details").GetProperty("status").GetString());
        Assert.True(status.GetProperty("details").GetProperty("extra").GetProperty("hold_invoice_cancelled").GetBoolean());
    }

    [Fact]
    public async Task ACallerHeldHoldInvoiceIsSettledWithItsPreimageAndCancelledByHash()
    {
        var wallet = await api.NewWallet();
        var preimage = RandomNumberGenerator.GetBytes(32);
        var hash = Convert.ToHexStringLower(SHA256.HashData(preimage));
        var other = Convert.ToHexStringLower(SHA256.HashData(RandomNumberGenerator.GetBytes(32)));
        var hold = await CreateHold(wallet, new { @out = false, amount = 1_000, memo = "x", payment_hash = hash });
        var toCancel = await CreateHold(wallet, new { @out = false, amount = 1_000, payment_hash = other });
        await api.PayExternally(hold.GetProperty("payment_request").GetString()!);
        var admin = api.WithKey(wallet.AdminKey);

        var putRefused = await admin.PutAsync($"/api/v1/payments/{hash}", null);
        var settled = await admin.PostAsJsonAsync("/api/v1/payments/settle", new { preimage = Convert.ToHexStringLower(preimage) });
        var cancelled = await admin.PostAsJsonAsync("/api/v1/payments/cancel", new { payment_hash = toCancel.GetProperty("payment_hash").GetString() });
        var badPreimage = await admin.PostAsJsonAsync("/api/v1/payments/settle", new { preimage = "abc" });

        Assert.Equal(hash, hold.GetProperty("payment_hash").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, putRefused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, settled.StatusCode);
        Assert.True((await settled.Json<JsonElement>()).GetProperty("ok").GetBoolean());
        Assert.True((await api.Status(null, hash)).GetProperty("paid").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("failed", (await api.Status(wallet.InvoiceKey, other)).GetProperty("details").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badPreimage.StatusCode);
    }

    [Fact]
    public async Task OnlyTheAdminKeyOfTheOwningWalletSettlesOrCancels()
    {
        var wallet = await api.NewWallet();
        var stranger = await api.NewWallet("Stranger");
        var hold = await CreateHold(wallet, new { @out = false, amount = 100, hold = true });
        var checkingId = hold.GetProperty("checking_id").GetString()!;

        var withInvoiceKey = await api.WithKey(wallet.InvoiceKey).PutAsync($"/api/v1/payments/{checkingId}", null);
        var withoutKey = await api.Anonymous().DeleteAsync($"/api/v1/payments/{checkingId}");
        var byStranger = await api.WithKey(stranger.AdminKey).DeleteAsync($"/api/v1/payments/{checkingId}");
        var notHold = await api.WithKey(wallet.AdminKey).PutAsync($"/api/v1/payments/{(await api.CreateInvoice(wallet.InvoiceKey, 5)).GetProperty("checking_id").GetString()}", null);

        Assert.Equal(HttpStatusCode.Forbidden, withInvoiceKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notHold.StatusCode);
        Assert.Equal("pending", (await api.Status(wallet.InvoiceKey, checkingId)).GetProperty("details").GetProperty("status").GetString());
    }

    [Fact]
    public async Task HoldAndACallersPaymentHashTogetherAre400()
    {
        var wallet = await api.NewWallet();
        var hash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

        var response = await api.WithKey(wallet.InvoiceKey).PostAsJsonAsync("/api/v1/payments", new { @out = false, amount = 10, hold = true, payment_hash = hash });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<JsonElement> CreateHold(LnbitsWallet wallet, object body)
    {
        var response = await api.WithKey(wallet.InvoiceKey).PostAsJsonAsync("/api/v1/payments", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Json<JsonElement>();
    }
}
