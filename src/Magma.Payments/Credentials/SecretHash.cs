using System.Security.Cryptography;
using System.Text;

namespace Magma.Payments.Credentials;

/// <summary>
/// Hashes of generated secrets. They carry 128+ random bits, so SHA-256 (not a slow password hash) is
/// the right tool: it keeps lookups by hash cheap and a database leak still reveals nothing usable.
/// </summary>
public static class SecretHash
{
    public static string Of(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string NewToken(string prefix, int bytes = 32) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string NewHexKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
