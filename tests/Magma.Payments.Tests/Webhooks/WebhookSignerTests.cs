using System.Security.Cryptography;
using System.Text;
using Magma.Payments.Webhooks;

namespace Magma.Payments.Tests.Webhooks;

public sealed class WebhookSignerTests
{
    private const string Secret = "whsec_dGVzdC1zZWNyZXQtdGhhdC1pcy1sb25nLWVub3VnaA";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_780_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"payment.completed:5f0c\",\"amount\":\"21 000 – €\"}");

    [Fact]
    public void TheSignatureIsTheLowercaseHexHmacOfTimestampDotRawBodyKeyedWithTheWholeSecret()
    {
        var timestamp = Now.ToUnixTimeSeconds();
        var signed = Encoding.UTF8.GetBytes($"{timestamp}.").Concat(Body).ToArray();
        var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed)).ToLowerInvariant();

        var signature = WebhookSigner.Sign(Secret, timestamp, Body);

        Assert.Equal(expected, signature);
        Assert.Equal(64, signature.Length);
    }

    [Fact]
    public void AGenuineDeliveryVerifies()
    {
        var signature = WebhookSigner.Sign(Secret, Now.ToUnixTimeSeconds(), Body);

        Assert.Equal(WebhookVerification.Valid, WebhookSigner.Verify(Secret, Now.ToUnixTimeSeconds().ToString(), signature, Body, Now.AddSeconds(30)));
    }

    [Fact]
    public void VerificationRejectsATamperedBody()
    {
        var signature = WebhookSigner.Sign(Secret, Now.ToUnixTimeSeconds(), Body);
        var tampered = Body.ToArray();
        tampered[^3] ^= 1;

        Assert.Equal(WebhookVerification.SignatureMismatch, WebhookSigner.Verify(Secret, Now.ToUnixTimeSeconds().ToString(), signature, tampered, Now));
    }

    [Fact]
    public void VerificationRejectsASignatureMadeWithAnotherSecret()
    {
        var signature = WebhookSigner.Sign("whsec_another-secret", Now.ToUnixTimeSeconds(), Body);

        Assert.Equal(WebhookVerification.SignatureMismatch, WebhookSigner.Verify(Secret, Now.ToUnixTimeSeconds().ToString(), signature, Body, Now));
    }

    [Fact]
    public void VerificationRejectsATimestampOutsideTheToleranceEvenWhenTheSignatureIsRight()
    {
        var old = Now.AddSeconds(-301).ToUnixTimeSeconds();
        var signature = WebhookSigner.Sign(Secret, old, Body);

        Assert.Equal(WebhookVerification.TimestampOutOfTolerance, WebhookSigner.Verify(Secret, old.ToString(), signature, Body, Now));
        Assert.Equal(WebhookVerification.Valid, WebhookSigner.Verify(Secret, old.ToString(), signature, Body, Now, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void VerificationRejectsAForgedTimestampBecauseTheTimestampIsSigned()
    {
        var old = Now.AddHours(-1).ToUnixTimeSeconds();
        var signature = WebhookSigner.Sign(Secret, old, Body);

        Assert.Equal(WebhookVerification.SignatureMismatch, WebhookSigner.Verify(Secret, Now.ToUnixTimeSeconds().ToString(), signature, Body, Now));
    }

    [Theory]
    [InlineData(null, "1780000000", "ab", WebhookVerification.MissingSecret)]
    [InlineData(Secret, "1780000000", null, WebhookVerification.MissingSignature)]
    [InlineData(Secret, null, "ab", WebhookVerification.MissingTimestamp)]
    [InlineData(Secret, "17800e6", "ab", WebhookVerification.InvalidTimestamp)]
    [InlineData(Secret, "1780000000", "not-hex", WebhookVerification.InvalidSignatureFormat)]
    [InlineData(Secret, "1780000000", "abcd", WebhookVerification.InvalidSignatureFormat)]
    public void MalformedInputIsReportedWithItsOwnReason(string? secret, string? timestamp, string? signature, WebhookVerification expected)
    {
        Assert.Equal(expected, WebhookSigner.Verify(secret, timestamp, signature, Body, Now));
    }
}
