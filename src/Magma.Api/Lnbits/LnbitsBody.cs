using System.Text.Json;
using System.Text.Json.Nodes;

namespace Magma.Api.Lnbits;

/// <summary>
/// A JSON request body read leniently, as LNbits' models are: absent and null fields are null, an empty body is an
/// empty object. A field of the wrong type is a 400 naming the field.
/// </summary>
internal sealed class LnbitsBody(JsonObject json)
{
    public static async Task<LnbitsBody> Read(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
            return new LnbitsBody([]);
        try
        {
            return JsonNode.Parse(text) is JsonObject json
                ? new LnbitsBody(json)
                : throw LnbitsProblem.BadRequest("The request body must be a JSON object.");
        }
        catch (JsonException error)
        {
            throw LnbitsProblem.BadRequest($"The request body is not valid JSON: {error.Message}");
        }
    }

    public bool? Bool(string name) =>
        Value(name) is not { } value ? null
        : value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(name, "a boolean"),
        };

    public string? Text(string name) =>
        Value(name) is not { } value ? null
        : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : throw Invalid(name, "a string");

    /// <summary>A JSON number (LNbits' amounts are floats); fractions are kept for the caller to truncate.</summary>
    public decimal? Number(string name)
    {
        if (Value(name) is not { } value)
            return null;
        if (value.GetValueKind() != JsonValueKind.Number || !value.AsValue().TryGetValue<decimal>(out var number))
            throw Invalid(name, "a number");
        return number;
    }

    public long? WholeNumber(string name)
    {
        if (Value(name) is not { } value)
            return null;
        if (value.GetValueKind() != JsonValueKind.Number || !value.AsValue().TryGetValue<long>(out var number))
            throw Invalid(name, "an integer");
        return number;
    }

    public IReadOnlyList<string>? TextList(string name)
    {
        if (Value(name) is not { } value)
            return null;
        if (value is not JsonArray array || array.Any(item => item?.GetValueKind() != JsonValueKind.String))
            throw Invalid(name, "an array of strings");
        return array.Select(item => item!.GetValue<string>()).ToList();
    }

    public JsonObject? Object(string name) =>
        Value(name) is not { } value ? null : value as JsonObject ?? throw Invalid(name, "a JSON object");

    private JsonNode? Value(string name) =>
        json.TryGetPropertyValue(name, out var value) && value is not null && value.GetValueKind() != JsonValueKind.Null ? value : null;

    private static LnbitsProblem Invalid(string name, string expected) => LnbitsProblem.BadRequest($"{name} must be {expected}.");
}
