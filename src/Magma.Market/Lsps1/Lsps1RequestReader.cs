using System.Globalization;
using System.Text.Json;
using Magma.Lightning.Bitcoin;
using Magma.Lightning.Crypto;

namespace Magma.Market.Lsps1;

/// <summary>
/// Reads a create_order body the way bLIP-51 and real REST clients need (lsps1-rest.md §3.4, §6.3): sats only as
/// canonical decimal strings, counts only as integral numbers, booleans only as booleans; unknown keys ignored;
/// <c>""</c> and <c>null</c> optionals treated as omitted. The first faulty field, in the spec's field order, is
/// reported with -32602 and its name.
/// </summary>
public static class Lsps1RequestReader
{
    public static JsonElement ParseObject(ReadOnlySpan<byte> body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new Lsps1Exception(Lsps1Codes.ParseError, $"The body is not JSON: {ex.Message}");
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw new Lsps1Exception(Lsps1Codes.InvalidRequest, "The body must be a JSON object.");
        return root;
    }

    public static Lsps1Request Read(JsonElement body, BitcoinNetwork network) => new(
        Sat(body, "lsp_balance_sat", allowZero: false),
        Sat(body, "client_balance_sat", allowZero: true),
        Count(body, "required_channel_confirmations", ushort.MaxValue, min: 0),
        Count(body, "funding_confirms_within_blocks", ushort.MaxValue, min: 0),
        Count(body, "channel_expiry_blocks", uint.MaxValue, min: 1),
        OptionalString(body, "token"),
        RefundAddress(body, network),
        Bool(body, "announce_channel"),
        PublicKeyField(body));

    /// <summary>get_order's <c>order_id</c>, from the query string or a POST body.</summary>
    public static string OrderId(string? value)
    {
        if (string.IsNullOrEmpty(value))
            throw Lsps1Exception.Field("order_id", "order_id is required.");
        if (value.Length > 64)
            throw Lsps1Exception.Field("order_id", "order_id is at most 64 characters.");
        return value;
    }

    public static string? OrderIdFromBody(JsonElement body) =>
        body.TryGetProperty("order_id", out var id) && id.ValueKind != JsonValueKind.Null
            ? id.ValueKind == JsonValueKind.String ? id.GetString() : throw Lsps1Exception.Field("order_id", "order_id must be a string.")
            : null;

    private static ulong Sat(JsonElement body, string name, bool allowZero)
    {
        var value = Required(body, name);
        if (value.ValueKind != JsonValueKind.String)
            throw Lsps1Exception.Field(name, $"{name} must be a string of a decimal integer, such as \"100000\".");
        var text = value.GetString()!;
        if (text.Length == 0 || text.Length > 20 || !text.All(char.IsAsciiDigit) || (text.Length > 1 && text[0] == '0')
            || !ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sats))
            throw Lsps1Exception.Field(name, $"{name} must be a canonical decimal integer within 64 bits, not \"{text}\".");
        if (sats == 0 && !allowZero)
            throw Lsps1Exception.Field(name, $"{name} must be at least 1.");
        return sats;
    }

    private static int Count(JsonElement body, string name, long max, long min) =>
        (int)Math.Min(int.MaxValue, CountValue(body, name, max, min));

    private static long CountValue(JsonElement body, string name, long max, long min)
    {
        var value = Required(body, name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var count))
            throw Lsps1Exception.Field(name, $"{name} must be an integer number.");
        if (count < min || count > max)
            throw Lsps1Exception.Field(name, $"{name} must be between {min} and {max}.");
        return count;
    }

    private static bool Bool(JsonElement body, string name)
    {
        var value = Required(body, name);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Lsps1Exception.Field(name, "Not a boolean"),
        };
    }

    private static string? OptionalString(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String)
            throw Lsps1Exception.Field(name, $"{name} must be a string.");
        var text = value.GetString()!;
        return text.Length == 0 ? null : text;
    }

    private static string? RefundAddress(JsonElement body, BitcoinNetwork network)
    {
        var text = OptionalString(body, "refund_onchain_address");
        if (text is null)
            return null;
        if (!SegwitAddress.TryParse(text, network, out var address, out var error))
            throw Lsps1Exception.Field("refund_onchain_address", $"refund_onchain_address must be a SegWit v0 or v1 address for {network.Name}: {error}.");
        if (address.WitnessVersion > 1 || (address.WitnessVersion == 1 && !address.IsTaproot))
            throw Lsps1Exception.Field("refund_onchain_address", "refund_onchain_address must be P2WPKH, P2WSH or P2TR.");
        return text;
    }

    /// <summary>
    /// The client's node id: REST has no transport to learn it from. Most clients send it as <c>public_key</c>;
    /// Kaleidoswap's call it <c>client_pubkey</c>, read only when <c>public_key</c> is absent. It must be a point on
    /// the curve, not just 66 hex characters: the channel could never be opened to anything else.
    /// </summary>
    private static string? PublicKeyField(JsonElement body)
    {
        var name = OptionalString(body, "public_key") is not null ? "public_key" : "client_pubkey";
        var text = OptionalString(body, name);
        if (text is null)
            return null;
        if (!PublicKey.TryParseHex(text, out var key))
            throw Lsps1Exception.Field(name, $"{name} must be a compressed node id: 66 hex characters starting with 02 or 03 that encode a point on secp256k1.");
        return key.ToHex();
    }

    private static JsonElement Required(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Lsps1Exception.Field(name, $"{name} is required.");
}
