using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Magma.Payments.Webhooks;

/// <summary>
/// Signs and verifies deliveries the way the Rails payments API does: <c>x-webhook-timestamp</c> carries unix
/// seconds and <c>x-webhook-signature</c> the lowercase hex HMAC-SHA256, keyed with the UTF-8 secret string
/// (<c>whsec_</c> prefix included), of <c>timestamp + "." + raw body bytes</c>. Receivers must verify the raw bytes:
/// re-serialised JSON does not match.
/// </summary>
public static class WebhookSigner
{
    public const string TimestampHeader = "x-webhook-timestamp";
    public const string SignatureHeader = "x-webhook-signature";
    public const string SecretPrefix = "whsec_";

    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromSeconds(300);

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(Mac(secret, timestamp.ToString(CultureInfo.InvariantCulture), body));

    /// <summary>
    /// Checks a delivery as a receiver should: the timestamp within <paramref name="tolerance"/> (300 s by default)
    /// of <paramref name="now"/>, against replays, then the signature, compared in constant time.
    /// </summary>
    public static WebhookVerification Verify(string? secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (string.IsNullOrEmpty(secret))
            return WebhookVerification.MissingSecret;
        if (string.IsNullOrEmpty(signature))
            return WebhookVerification.MissingSignature;
        if (string.IsNullOrEmpty(timestamp))
            return WebhookVerification.MissingTimestamp;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return WebhookVerification.InvalidTimestamp;
        var skew = now.ToUnixTimeSeconds() - seconds;
        if (Math.Abs(skew) > (tolerance ?? DefaultTolerance).Ticks / TimeSpan.TicksPerSecond)
            return WebhookVerification.TimestampOutOfTolerance;

        var given = new byte[HMACSHA256.HashSizeInBytes];
        if (signature.Length != given.Length * 2 || Convert.FromHexString(signature, given, out _, out _) != System.Buffers.OperationStatus.Done)
            return WebhookVerification.InvalidSignatureFormat;
        var expected = Mac(secret, timestamp, body);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? WebhookVerification.Valid : WebhookVerification.SignatureMismatch;
    }

    private static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
