using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Magma.Testing;

namespace Magma.Api.Tests.Lnbits;

public sealed record LnbitsWallet(string Id, string AdminKey, string InvoiceKey);

/// <summary>
/// One real host per test class for the LNbits-style routes. Tests stay independent by working in wallets of their
/// own; the sandbox's external payer plays the customers.
/// </summary>
public sealed class LnbitsApi : IAsyncLifetime
{
    private readonly TemporaryDatabase _database = new();

    public MagmaApp App { get; private set; } = null!;

    public Task InitializeAsync()
    {
        App = new MagmaApp(_database);
        _ = App.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _database.Dispose();
    }

    public HttpClient Anonymous() => App.CreateClient();

    public HttpClient WithKey(string key)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async Task<LnbitsWallet> NewWallet(string name = "Shop")
    {
        var response = await App.Admin().PostAsJsonAsync("/api/v1/wallets", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var wallet = await response.Json<JsonElement>();
        return new LnbitsWallet(wallet.GetProperty("id").GetString()!, wallet.GetProperty("adminkey").GetString()!, wallet.GetProperty("inkey").GetString()!);
    }

    /// <summary>Creates an invoice with the seed's body shape and insists on 201.</summary>
    public async Task<JsonElement> CreateInvoice(string key, long amount, string memo = "Coffee payment")
    {
        var response = await WithKey(key).PostAsJsonAsync("/api/v1/payments", new { @out = false, amount, memo });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Json<JsonElement>();
    }

    /// <summary>A customer outside Magma pays the invoice.</summary>
    public async Task<JsonElement> PayExternally(string paymentRequest)
    {
        var response = await Anonymous().PostAsJsonAsync("/api/v1/sandbox/pay", new { payment_request = paymentRequest });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Json<JsonElement>();
    }

    public async Task<JsonElement> Status(string? key, string checkingId)
    {
        var client = key is null ? Anonymous() : WithKey(key);
        var response = await client.GetAsync($"/api/v1/payments/{checkingId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Json<JsonElement>();
    }

    /// <summary>Waits until the node's settlement event has reached the payment; the answer is its status.</summary>
    public async Task<JsonElement> WaitUntilPaid(string key, string checkingId)
    {
        var deadline = Environment.TickCount64 + 15_000;
        while (true)
        {
            var status = await Status(key, checkingId);
            if (status.GetProperty("paid").GetBoolean())
                return status;
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException($"Payment {checkingId} was not paid in time.");
            await Task.Delay(20);
        }
    }

    /// <summary>A new wallet holding <paramref name="sats"/>, received from an external payer.</summary>
    public async Task<LnbitsWallet> FundedWallet(long sats, string name = "Funded")
    {
        var wallet = await NewWallet(name);
        var invoice = await CreateInvoice(wallet.InvoiceKey, sats, "funding");
        await PayExternally(invoice.GetProperty("payment_request").GetString()!);
        await WaitUntilPaid(wallet.InvoiceKey, invoice.GetProperty("checking_id").GetString()!);
        return wallet;
    }
}
