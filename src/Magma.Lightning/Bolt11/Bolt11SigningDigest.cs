using System.Buffers;
using System.Security.Cryptography;
using Magma.Lightning.Encoding;

namespace Magma.Lightning.Bolt11;

// What the payee signs: SHA256 of the human-readable part's bytes followed by the data words
// (timestamp and tagged fields, not the signature) packed into bytes and zero-padded.
internal static class Bolt11SigningDigest
{
    private const int StackLimit = 2048;

    // The writer signed the lowercase human-readable part, even when the invoice is shown in uppercase.
    public static void Compute(ReadOnlySpan<char> hrp, ReadOnlySpan<byte> dataWords, Span<byte> digest)
    {
        var length = hrp.Length + (dataWords.Length * 5 + 7) / 8;
        byte[]? rented = null;
        var buffer = length <= StackLimit
            ? stackalloc byte[length]
            : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        for (var i = 0; i < hrp.Length; i++)
            buffer[i] = (byte)hrp[i];
        Bech32Words.ToBytesPadded(dataWords, buffer[hrp.Length..]);
        SHA256.HashData(buffer, digest);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
    }
}
