using System.Text.Json.Nodes;
using Magma.Lightning.Bolt11;

namespace Magma.Api.Lnbits;

/// <summary>
/// A decoded BOLT11 invoice under the names of the bolt11 library behind LNbits' decode route. Route hints keep
/// BOLT11's structure: a list of routes, each a list of hops; a short channel id reads <c>block x tx x output</c>.
/// </summary>
internal static class LnbitsDecodedInvoice
{
    // BOLT 9 names of the features an invoice may carry, by their even (required) bit.
    private static readonly Dictionary<int, string> FeatureNames = new()
    {
        [8] = "var_onion_optin",
        [14] = "payment_secret",
        [16] = "basic_mpp",
        [24] = "option_route_blinding",
        [48] = "option_payment_metadata",
    };

    public static JsonObject ToJson(Bolt11Invoice invoice)
    {
        var json = new JsonObject
        {
            ["currency"] = invoice.Network.Bolt11Prefix[2..],
            ["network"] = invoice.Network.Name,
            ["amount_msat"] = invoice.AmountMsat ?? 0,
            ["date"] = invoice.Timestamp.ToUnixTimeSeconds(),
            ["signature"] = Convert.ToHexStringLower(invoice.Signature.Compact) + invoice.Signature.RecoveryId.ToString("x2"),
            ["payment_hash"] = invoice.PaymentHash,
            ["payment_secret"] = invoice.PaymentSecret,
            ["description"] = invoice.Description,
            ["description_hash"] = invoice.DescriptionHash,
            ["metadata"] = invoice.Metadata,
            ["expiry"] = invoice.ExpirySeconds,
            ["expires_at"] = invoice.ExpiresAt.ToUnixTimeSeconds(),
            ["min_final_cltv_expiry"] = invoice.MinFinalCltvExpiry,
            ["payee"] = invoice.Payee.ToHex(),
            ["features"] = Features(invoice.Features),
            ["route_hints"] = new JsonArray(invoice.RouteHints.Select(route => (JsonNode)new JsonArray(route.Select(Hop).ToArray())).ToArray()),
            ["fallback"] = invoice.Fallbacks.FirstOrDefault()?.Address,
        };
        if (invoice.Description is null)
            json.Remove("description");
        if (invoice.DescriptionHash is null)
            json.Remove("description_hash");
        return json;
    }

    private static JsonObject Features(Bolt11Features features)
    {
        var json = new JsonObject();
        foreach (var bit in features.SetBits)
        {
            var even = bit & ~1;
            json[FeatureNames.GetValueOrDefault(even, $"unknown_{even}")] = bit == even ? "required" : "supported";
        }
        return json;
    }

    private static JsonNode Hop(RouteHintHop hop) => new JsonObject
    {
        ["public_key"] = hop.Pubkey.ToHex(),
        ["short_channel_id"] = $"{hop.ShortChannelId >> 40}x{(hop.ShortChannelId >> 16) & 0xFFFFFF}x{hop.ShortChannelId & 0xFFFF}",
        ["base_fee"] = hop.FeeBaseMsat,
        ["ppm_fee"] = hop.FeeProportionalMillionths,
        ["cltv_expiry_delta"] = hop.CltvExpiryDelta,
    };
}
