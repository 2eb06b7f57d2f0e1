using System.Security.Cryptography;
using System.Text;
using Magma.Lightning.Storage;
using Microsoft.Data.Sqlite;

namespace Magma.Api.Admin;

/// <summary>
/// The master credential for environments and API keys. It comes from <c>Magma:AdminToken</c>, or is
/// generated at first start, printed once, and stored only as a SHA-256 hash (it is 256 random bits,
/// so a fast hash is enough).
/// </summary>
public sealed class AdminToken(SqliteDatabase database, IConfiguration configuration, TimeProvider time)
{
    private const string SettingKey = "admin_token_sha256";
    public const string Prefix = "mgm_admin_";
    private byte[]? _hash;

    /// <summary>Loads or creates the token. Returns the plaintext only when it was just generated.</summary>
    public async Task<string?> Initialize()
    {
        var configured = configuration["Magma:AdminToken"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _hash = Hash(configured);
            return null;
        }

        var generated = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var (stored, created) = await database.Write(async (connection, transaction) =>
        {
            var existing = await ReadSetting(connection, transaction);
            if (existing is not null)
                return (existing, false);
            await InsertSetting(connection, transaction, Convert.ToHexStringLower(Hash(generated)), time.GetUtcNow());
            return (Convert.ToHexStringLower(Hash(generated)), true);
        });
        _hash = Convert.FromHexString(stored);
        return created ? generated : null;
    }

    public bool IsValid(string? token) =>
        token is not null && _hash is not null && CryptographicOperations.FixedTimeEquals(Hash(token), _hash);

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task<string?> ReadSetting(SqliteConnection connection, SqliteTransaction transaction)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM host_settings WHERE key = $key";
        command.Parameters.AddWithValue("$key", SettingKey);
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task InsertSetting(SqliteConnection connection, SqliteTransaction transaction, string value, DateTimeOffset now)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO host_settings (key, value, updated_at) VALUES ($key, $value, $at)";
        command.Parameters.AddWithValue("$key", SettingKey);
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$at", now.UtcDateTime.ToString("O"));
        await command.ExecuteNonQueryAsync();
    }
}
