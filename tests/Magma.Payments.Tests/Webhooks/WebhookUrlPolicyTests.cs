using Magma.Payments.Data;
using Magma.Payments.Errors;
using Magma.Payments.Webhooks;
using Microsoft.Extensions.Options;

namespace Magma.Payments.Tests.Webhooks;

public sealed class WebhookUrlPolicyTests
{
    private readonly FakeDns _dns = new();

    private WebhookUrlPolicy Policy(bool allowInsecureSandbox) =>
        new(_dns, Options.Create(new PaymentsOptions { Webhooks = { AllowInsecureSandboxUrls = allowInsecureSandbox } }));

    [Theory]
    [InlineData("http://93.184.216.34/hook", "must use https")]
    [InlineData("https://127.0.0.1/hook", "127.0.0.1 is not a public address (loopback)")]
    [InlineData("https://127.8.9.10:8443/hook", "(loopback)")]
    [InlineData("https://2130706433/hook", "127.0.0.1 is not a public address (loopback)")]
    [InlineData("https://localhost/hook", "'localhost' is a loopback name")]
    [InlineData("https://api.localhost/hook", "loopback name")]
    [InlineData("https://10.0.0.5/hook", "10.0.0.5 is not a public address (private, RFC 1918)")]
    [InlineData("https://192.168.1.20/hook", "(private, RFC 1918)")]
    [InlineData("https://172.16.0.1/hook", "(private, RFC 1918)")]
    [InlineData("https://172.31.255.254/hook", "(private, RFC 1918)")]
    [InlineData("https://100.64.0.1/hook", "(carrier-grade NAT, 100.64.0.0/10)")]
    [InlineData("https://169.254.169.254/latest/meta-data", "(link-local)")]
    [InlineData("https://0.0.0.0/hook", "(unspecified, 0.0.0.0/8)")]
    [InlineData("https://224.0.0.1/hook", "(multicast)")]
    [InlineData("https://[::1]/hook", "::1 is not a public address (loopback)")]
    [InlineData("https://[::]/hook", "(unspecified)")]
    [InlineData("https://[fc00::1]/hook", "(unique local, fc00::/7)")]
    [InlineData("https://[fd12:3456:789a::1]/hook", "(unique local, fc00::/7)")]
    [InlineData("https://[fe80::1]/hook", "(link-local)")]
    [InlineData("https://[ff02::1]/hook", "(multicast)")]
    [InlineData("https://[::ffff:10.0.0.1]/hook", "(private, RFC 1918)")]
    [InlineData("https://[64:ff9b::a9fe:a9fe]/hook", "(link-local)")]
    [InlineData("https://printer.local/hook", "'printer.local' is a .local (mDNS) name")]
    [InlineData("https://PRINTER.LOCAL./hook", "'printer.local' is a .local (mDNS) name")]
    [InlineData("https://metadata.google.internal/hook", "'metadata.google.internal' is an .internal name")]
    [InlineData("ftp://example.com/hook", "absolute http(s) URL")]
    [InlineData("/relative/hook", "absolute http(s) URL")]
    [InlineData("https://user:pass@93.184.216.34/hook", "must not contain credentials")]
    public async Task ALiveEndpointUrlThatIsNotPublicHttpsIsRejectedWithTheReason(string url, string reason)
    {
        var error = await Assert.ThrowsAsync<MagmaException>(() => Policy(allowInsecureSandbox: true).Validate(url, EnvironmentType.Live));

        Assert.Equal(PaymentErrors.InvalidWebhookUrl, error.Error);
        Assert.Equal("url", error.Property);
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("https://93.184.216.34/hook")]
    [InlineData("https://[2606:2800:220:1:248:1893:25c8:1946]/hook")]
    [InlineData("https://hooks.example.com/webhooks/amboss?source=magma")]
    public async Task APublicHttpsUrlIsAccepted(string url)
    {
        _dns.Map("hooks.example.com", "93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946");

        Assert.Equal(url, await Policy(allowInsecureSandbox: false).Validate("  " + url + " ", EnvironmentType.Live));
    }

    [Fact]
    public async Task ANameThatResolvesToAPrivateAddressIsRejectedEvenAmongPublicOnes()
    {
        _dns.Map("sneaky.example.com", "93.184.216.34", "10.1.2.3");

        var error = await Assert.ThrowsAsync<MagmaException>(() => Policy(false).Validate("https://sneaky.example.com/hook", EnvironmentType.Live));

        Assert.Contains("'sneaky.example.com' resolves to 10.1.2.3, which is not a public address (private, RFC 1918)", error.Message);
    }

    [Fact]
    public async Task ALiveEndpointNameThatDoesNotResolveIsRejected()
    {
        var error = await Assert.ThrowsAsync<MagmaException>(() => Policy(false).Validate("https://nowhere.example.com/hook", EnvironmentType.Live));

        Assert.Contains("could not be resolved", error.Message);
    }

    [Fact]
    public async Task ASandboxEndpointMayNameAHostThatDoesNotResolveYetButNeverAnInvalidOne()
    {
        // The seed's own example, verbatim: deliveries retry, and each connection is vetted when it is made.
        Assert.Equal("https://api.example.com/webhooks/amboss", await Policy(false).Validate("https://api.example.com/webhooks/amboss", EnvironmentType.Sandbox));

        var error = await Assert.ThrowsAsync<MagmaException>(() => Policy(false).Validate("https://nowhere.invalid/hook", EnvironmentType.Sandbox));
        Assert.Contains(".invalid names never resolve", error.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost:3000/webhooks")]
    [InlineData("http://[::1]:3000/webhooks")]
    [InlineData("http://93.184.216.34/hook")]
    public async Task ASandboxAcceptsHttpAndLoopbackWhenInsecureSandboxUrlsAreAllowed(string url)
    {
        Assert.Equal(url, await Policy(allowInsecureSandbox: true).Validate(url, EnvironmentType.Sandbox));
    }

    [Theory]
    [InlineData("http://10.0.0.5/hook", "(private, RFC 1918)")]
    [InlineData("http://169.254.169.254/latest/meta-data", "(link-local)")]
    [InlineData("http://printer.local/hook", ".local (mDNS)")]
    public async Task TheSandboxAllowanceStillKeepsPrivateNetworksClosed(string url, string reason)
    {
        var error = await Assert.ThrowsAsync<MagmaException>(() => Policy(allowInsecureSandbox: true).Validate(url, EnvironmentType.Sandbox));

        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("http://93.184.216.34/hook", "http is allowed in SANDBOX only when Payments:Webhooks:AllowInsecureSandboxUrls is true")]
    [InlineData("https://127.0.0.1:8443/hook", "(loopback)")]
    [InlineData("https://localhost/hook", "loopback name")]
    public async Task WithoutTheAllowanceASandboxFollowsTheLiveRule(string url, string reason)
    {
        var error = await Assert.ThrowsAsync<MagmaException>(() => Policy(allowInsecureSandbox: false).Validate(url, EnvironmentType.Sandbox));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void TheAllowanceNeverAppliesToLive()
    {
        Assert.Equal(WebhookAddressRule.PublicOnly, Policy(allowInsecureSandbox: true).RuleFor(EnvironmentType.Live));
        Assert.Equal(WebhookAddressRule.PublicOrLoopback, Policy(allowInsecureSandbox: true).RuleFor(EnvironmentType.Sandbox));
        Assert.Equal(WebhookAddressRule.PublicOnly, Policy(allowInsecureSandbox: false).RuleFor(EnvironmentType.Sandbox));
    }
}
