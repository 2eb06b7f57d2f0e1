using System.Security.Cryptography;

namespace Magma.Lightning.Encoding;

/// <summary>Base58 with a 4-byte checksum: the first bytes of SHA256(SHA256(payload)).</summary>
public static class Base58Check
{
    private const int ChecksumLength = 4;

    public static string Encode(ReadOnlySpan<byte> payload)
    {
        var buffer = new byte[payload.Length + ChecksumLength];
        payload.CopyTo(buffer);
        WriteChecksum(payload, buffer.AsSpan(payload.Length));
        return Base58.Encode(buffer);
    }

    /// <summary>Returns the payload (checksum removed) when the string decodes and its checksum matches.</summary>
    public static bool TryDecode(string? text, out byte[] payload)
    {
        payload = [];
        if (!Base58.TryDecode(text, out var bytes) || bytes.Length < ChecksumLength)
            return false;
        var body = bytes.AsSpan(0, bytes.Length - ChecksumLength);
        Span<byte> expected = stackalloc byte[ChecksumLength];
        WriteChecksum(body, expected);
        if (!expected.SequenceEqual(bytes.AsSpan(body.Length)))
            return false;
        payload = body.ToArray();
        return true;
    }

    private static void WriteChecksum(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(payload, hash);
        SHA256.HashData(hash, hash);
        hash[..ChecksumLength].CopyTo(destination);
    }
}
