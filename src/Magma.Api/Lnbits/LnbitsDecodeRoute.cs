using System.Text;
using System.Text.Json.Nodes;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Encoding;

namespace Magma.Api.Lnbits;

/// <summary>
/// <c>POST /api/v1/payments/decode {"data": "&lt;bolt11 or LNURL&gt;"}</c>, no key needed. A BOLT11 invoice comes back
/// with the field names of the bolt11 library LNbits uses; an LNURL as <c>{"domain": url}</c>. A string that is
/// neither is a 400 in LNbits' <c>{"message": "Failed to decode: …"}</c> shape (with <c>detail</c> too).
/// </summary>
internal static class LnbitsDecodeRoute
{
    private const int MaxLnurlLength = 2048;

    public static async Task<IResult> Decode(HttpRequest request, CancellationToken cancellationToken)
    {
        string? data;
        IReadOnlyList<string>? filter;
        try
        {
            var body = await LnbitsBody.Read(request, cancellationToken);
            data = body.Text("data")?.Trim();
            filter = body.TextList("filter_fields");
        }
        catch (LnbitsProblem problem)
        {
            return Failed(problem.Detail);
        }
        if (string.IsNullOrEmpty(data))
            return Failed("data is required.");
        if (data.StartsWith("lnurl", StringComparison.OrdinalIgnoreCase))
            return DecodeLnurl(data);

        var decoded = Bolt11Decoder.Decode(data);
        if (!decoded.Success)
            return Failed(decoded.Error.Message);
        var fields = LnbitsDecodedInvoice.ToJson(decoded.Invoice);
        return Results.Json(filter is { Count: > 0 } ? Only(fields, filter) : fields);
    }

    private static IResult DecodeLnurl(string data)
    {
        if (!Bech32.TryDecode(data, MaxLnurlLength, out var decoded, out var error) || decoded.Hrp != "lnurl")
            return Failed(decoded is null ? $"invalid LNURL ({error})" : "invalid LNURL (wrong prefix)");
        if (!Bech32Words.TryToBytes(decoded.Words, out var bytes))
            return Failed("invalid LNURL (bad padding)");
        return Results.Json(new JsonObject { ["domain"] = Encoding.UTF8.GetString(bytes) });
    }

    private static JsonObject Only(JsonObject fields, IReadOnlyList<string> names)
    {
        var filtered = new JsonObject();
        foreach (var (name, value) in fields)
            if (names.Contains(name))
                filtered[name] = value?.DeepClone();
        return filtered;
    }

    private static IResult Failed(string reason)
    {
        var message = $"Failed to decode: {reason}";
        return Results.Json(new JsonObject { ["message"] = message, ["detail"] = message }, statusCode: StatusCodes.Status400BadRequest);
    }
}
