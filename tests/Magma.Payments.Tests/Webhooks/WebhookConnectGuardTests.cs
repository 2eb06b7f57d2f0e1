using System.Text;
using Magma.Payments.Webhooks;
using Magma.Testing.Webhooks;

namespace Magma.Payments.Tests.Webhooks;

public sealed class WebhookConnectGuardTests : IAsyncLifetime
{
    private readonly FakeDns _dns = new();
    private TestReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await TestReceiver.Start();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task APublicOnlyDeliveryRefusesToConnectToALoopbackAddress()
    {
        using var client = new HttpClient(WebhookConnectGuard.CreateHandler(WebhookAddressRule.PublicOnly, _dns));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(_receiver.Url(), Json()));

        Assert.Contains("127.0.0.1, which is not a public address (loopback)", error.Message);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task APublicOnlyDeliveryRefusesANameThatNowResolvesToLoopback()
    {
        // The name was public when the URL was saved; DNS rebinding points it home at delivery time.
        _dns.Map("hooks.example.com", "127.0.0.1");
        using var client = new HttpClient(WebhookConnectGuard.CreateHandler(WebhookAddressRule.PublicOnly, _dns));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync($"http://hooks.example.com:{_receiver.Port}/hook", Json()));

        Assert.Contains("hooks.example.com resolves to 127.0.0.1", error.Message);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task TheSandboxAllowanceConnectsToLoopback()
    {
        _dns.Map("dev.example.com", "127.0.0.1");
        using var client = new HttpClient(WebhookConnectGuard.CreateHandler(WebhookAddressRule.PublicOrLoopback, _dns));

        using var byAddress = await client.PostAsync(_receiver.Url(), Json());
        using var byName = await client.PostAsync($"http://dev.example.com:{_receiver.Port}/hook", Json());

        Assert.True(byAddress.IsSuccessStatusCode);
        Assert.True(byName.IsSuccessStatusCode);
        Assert.Equal(2, _receiver.Received.Count);
    }

    [Fact]
    public async Task TheSandboxAllowanceStillRefusesPrivateAddresses()
    {
        _dns.Map("office.example.com", "192.168.1.10");
        using var client = new HttpClient(WebhookConnectGuard.CreateHandler(WebhookAddressRule.PublicOrLoopback, _dns));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("http://office.example.com/hook", Json()));

        Assert.Contains("192.168.1.10, which is not a public address (private, RFC 1918)", error.Message);
    }

    private static ByteArrayContent Json() => new(Encoding.UTF8.GetBytes("{}"));
}
