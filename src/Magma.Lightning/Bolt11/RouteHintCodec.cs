using System.Buffers.Binary;
using Magma.Lightning.Crypto;
using Magma.Lightning.Encoding;

namespace Magma.Lightning.Bolt11;

// An r field: one private route, as a sequence of 51-byte hops.
internal static class RouteHintCodec
{
    public const int HopLength = 33 + 8 + 4 + 4 + 2;
    public const int MaxHops = Bolt11Tags.MaxFieldBytes / HopLength;

    public static Bolt11Error? Read(ReadOnlySpan<byte> words, out RouteHintHop[] route)
    {
        route = [];
        var byteCount = words.Length * 5 / 8;
        if (byteCount == 0 || byteCount % HopLength != 0)
            return Fail($"A route hint holds whole {HopLength}-byte hops, not {byteCount} bytes.");

        Span<byte> bytes = stackalloc byte[byteCount];
        Bech32Words.ToBytesTruncating(words, bytes);
        var hops = new RouteHintHop[byteCount / HopLength];
        for (var i = 0; i < hops.Length; i++)
        {
            var hop = bytes.Slice(i * HopLength, HopLength);
            if (!PublicKey.TryParse(hop[..33], out var pubkey))
                return Fail($"Hop {i + 1} of a route hint has an invalid public key.");
            hops[i] = new RouteHintHop(
                pubkey,
                BinaryPrimitives.ReadUInt64BigEndian(hop[33..]),
                BinaryPrimitives.ReadUInt32BigEndian(hop[41..]),
                BinaryPrimitives.ReadUInt32BigEndian(hop[45..]),
                BinaryPrimitives.ReadUInt16BigEndian(hop[49..]));
        }
        route = hops;
        return null;
    }

    public static byte[] ToBytes(IReadOnlyList<RouteHintHop> route)
    {
        var bytes = new byte[route.Count * HopLength];
        for (var i = 0; i < route.Count; i++)
        {
            var hop = bytes.AsSpan(i * HopLength, HopLength);
            route[i].Pubkey.Compressed.CopyTo(hop);
            BinaryPrimitives.WriteUInt64BigEndian(hop[33..], route[i].ShortChannelId);
            BinaryPrimitives.WriteUInt32BigEndian(hop[41..], route[i].FeeBaseMsat);
            BinaryPrimitives.WriteUInt32BigEndian(hop[45..], route[i].FeeProportionalMillionths);
            BinaryPrimitives.WriteUInt16BigEndian(hop[49..], route[i].CltvExpiryDelta);
        }
        return bytes;
    }

    private static Bolt11Error Fail(string message) => new(Bolt11ErrorCode.InvalidField, message);
}
