using System.Text.Unicode;
using Magma.Lightning.Bitcoin;
using Magma.Lightning.Crypto;
using Magma.Lightning.Encoding;

namespace Magma.Lightning.Bolt11;

internal static class Bolt11FieldReader
{
    private const int HeaderWords = 3;

    public static Bolt11Error? Read(ReadOnlySpan<byte> words, BitcoinNetwork network, ref Bolt11Fields fields)
    {
        var position = 0;
        while (position < words.Length)
        {
            if (words.Length - position < HeaderWords)
                return Fail("A tagged field's header is cut off by the signature.");
            var tag = words[position];
            var length = (words[position + 1] << 5) | words[position + 2];
            position += HeaderWords;
            if (length > words.Length - position)
                return Fail($"Field '{Bolt11Tags.Letter(tag)}' claims {length} words but only {words.Length - position} remain before the signature.");
            var error = ReadField(tag, words.Slice(position, length), network, ref fields);
            if (error is not null)
                return error;
            position += length;
        }
        return null;
    }

    // Fields of a known type but the wrong length are skipped, as the spec asks, so that future
    // variants (say, a longer hash) can sit beside today's.
    private static Bolt11Error? ReadField(byte tag, ReadOnlySpan<byte> data, BitcoinNetwork network, ref Bolt11Fields fields)
    {
        switch (tag)
        {
            case Bolt11Tags.PaymentHash when data.Length == Bolt11Tags.HashWords:
                fields.PaymentHash ??= HashHex(data);
                return null;
            case Bolt11Tags.PaymentSecret when data.Length == Bolt11Tags.HashWords:
                fields.PaymentSecret ??= HashHex(data);
                return null;
            case Bolt11Tags.DescriptionHash when data.Length == Bolt11Tags.HashWords:
                fields.DescriptionHash ??= HashHex(data);
                return null;
            case Bolt11Tags.Payee when data.Length == Bolt11Tags.PubkeyWords:
                fields.Payee ??= ReadPubkey(data);
                return null;
            case Bolt11Tags.Description when fields.Description is null:
                return ReadDescription(data, ref fields);
            case Bolt11Tags.Expiry when fields.ExpirySeconds is null:
                if (!TryReadUnsigned(data, long.MaxValue, out var expiry))
                    return Fail("The expiry (x) does not fit in 63 bits.");
                fields.ExpirySeconds = expiry;
                return null;
            case Bolt11Tags.MinFinalCltvExpiry when fields.MinFinalCltvExpiry is null:
                if (!TryReadUnsigned(data, int.MaxValue, out var cltv))
                    return Fail("The min_final_cltv_expiry (c) does not fit in 31 bits.");
                fields.MinFinalCltvExpiry = (int)cltv;
                return null;
            case Bolt11Tags.Features when fields.Features is null:
                fields.Features = Bolt11Features.FromWords(data);
                return null;
            case Bolt11Tags.Metadata when fields.Metadata is null:
                fields.Metadata = BytesHex(data);
                return null;
            case Bolt11Tags.Fallback:
                if (FallbackAddressCodec.Read(data, network) is { } fallback)
                    (fields.Fallbacks ??= []).Add(fallback);
                return null;
            case Bolt11Tags.RouteHint:
                var error = RouteHintCodec.Read(data, out var route);
                if (error is null)
                    (fields.RouteHints ??= []).Add(route);
                return error;
            default:
                return null;
        }
    }

    private static Bolt11Error? ReadDescription(ReadOnlySpan<byte> data, ref Bolt11Fields fields)
    {
        Span<byte> bytes = stackalloc byte[data.Length * 5 / 8];
        Bech32Words.ToBytesTruncating(data, bytes);
        if (!Utf8.IsValid(bytes))
            return Fail("The description (d) is not valid UTF-8.");
        fields.Description = System.Text.Encoding.UTF8.GetString(bytes);
        return null;
    }

    private static PublicKey? ReadPubkey(ReadOnlySpan<byte> data)
    {
        Span<byte> bytes = stackalloc byte[33];
        Bech32Words.ToBytesTruncating(data, bytes);
        return PublicKey.TryParse(bytes, out var key) ? key : null;
    }

    private static string HashHex(ReadOnlySpan<byte> data)
    {
        Span<byte> bytes = stackalloc byte[32];
        Bech32Words.ToBytesTruncating(data, bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private static string BytesHex(ReadOnlySpan<byte> data)
    {
        Span<byte> bytes = stackalloc byte[data.Length * 5 / 8];
        Bech32Words.ToBytesTruncating(data, bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private static bool TryReadUnsigned(ReadOnlySpan<byte> data, long max, out long value)
    {
        value = 0;
        foreach (var word in data)
        {
            if (value > (max - word) / 32)
                return false;
            value = (value << 5) | word;
        }
        return true;
    }

    private static Bolt11Error Fail(string message) => new(Bolt11ErrorCode.InvalidField, message);
}
