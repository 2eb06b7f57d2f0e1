using Magma.Lightning.Crypto;

namespace Magma.Lightning.Bolt11;

// The field order is the caller's: readers accept any order, and the spec's examples each use their own.
internal static class Bolt11FieldWriter
{
    public static void Write(char letter, Bolt11InvoiceDraft draft, PublicKey payee, Bolt11WordWriter writer)
    {
        switch (letter)
        {
            case 'p':
                writer.WriteBytesField(Bolt11Tags.PaymentHash, Hash(draft.PaymentHash, nameof(draft.PaymentHash)));
                break;
            case 's':
                writer.WriteBytesField(Bolt11Tags.PaymentSecret, Hash(draft.PaymentSecret, nameof(draft.PaymentSecret)));
                break;
            case 'd' when draft.Description is not null:
                writer.WriteBytesField(Bolt11Tags.Description, System.Text.Encoding.UTF8.GetBytes(draft.Description));
                break;
            case 'h' when draft.DescriptionHash is not null:
                writer.WriteBytesField(Bolt11Tags.DescriptionHash, Hash(draft.DescriptionHash, nameof(draft.DescriptionHash)));
                break;
            case 'm' when draft.Metadata is not null:
                if (!Hex.TryDecode(draft.Metadata, out var metadata))
                    throw new ArgumentException("Metadata must be hex.", nameof(draft));
                writer.WriteBytesField(Bolt11Tags.Metadata, metadata);
                break;
            case 'n' when draft.IncludePayee:
                writer.WriteBytesField(Bolt11Tags.Payee, payee.Compressed);
                break;
            case 'x' when draft.ExpirySeconds is { } expiry:
                writer.WriteNumberField(Bolt11Tags.Expiry, NonNegative(expiry, nameof(draft.ExpirySeconds)));
                break;
            case 'c' when draft.MinFinalCltvExpiry is { } cltv:
                writer.WriteNumberField(Bolt11Tags.MinFinalCltvExpiry, NonNegative(cltv, nameof(draft.MinFinalCltvExpiry)));
                break;
            case 'f':
                foreach (var fallback in draft.Fallbacks)
                    WriteFallback(fallback, writer);
                break;
            case 'r':
                foreach (var route in draft.RouteHints)
                    WriteRoute(route, writer);
                break;
            case '9':
                WriteFeatures(draft.Features ?? new Bolt11Features(Bolt11KnownFeatures.Default), writer);
                break;
        }
    }

    private static void WriteFallback(FallbackAddress fallback, Bolt11WordWriter writer)
    {
        if (fallback.Version is < 0 or > FallbackAddressCodec.P2shVersion)
            throw new ArgumentException($"Fallback version {fallback.Version} is not 0..18.");
        var data = Encoding.Bech32Words.FromBytes(fallback.Data);
        var words = new byte[1 + data.Length];
        words[0] = (byte)fallback.Version;
        data.CopyTo(words, 1);
        writer.WriteField(Bolt11Tags.Fallback, words);
    }

    private static void WriteRoute(IReadOnlyList<RouteHintHop> route, Bolt11WordWriter writer)
    {
        if (route.Count is 0 or > RouteHintCodec.MaxHops)
            throw new ArgumentException($"A route hint has 1 to {RouteHintCodec.MaxHops} hops, not {route.Count}.");
        writer.WriteBytesField(Bolt11Tags.RouteHint, RouteHintCodec.ToBytes(route));
    }

    private static void WriteFeatures(Bolt11Features features, Bolt11WordWriter writer)
    {
        // The spec asks writers to omit the field altogether when no bit is set.
        if (features.WordCount == 0)
            return;
        var words = new byte[features.WordCount];
        features.WriteWords(words);
        writer.WriteField(Bolt11Tags.Features, words);
    }

    private static byte[] Hash(string? hex, string name) =>
        hex is not null && hex.Length == 64 && Hex.TryDecode(hex, out var bytes)
            ? bytes
            : throw new ArgumentException($"{name} must be 32 bytes of hex.", name);

    private static ulong NonNegative(long value, string name) =>
        value >= 0 ? (ulong)value : throw new ArgumentOutOfRangeException(name, "Must not be negative.");
}
