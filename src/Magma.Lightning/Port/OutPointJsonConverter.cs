using System.Text.Json;
using System.Text.Json.Serialization;

namespace Magma.Lightning;

/// <summary>Outpoints travel as "txid:vout" strings.</summary>
public sealed class OutPointJsonConverter : JsonConverter<OutPoint>
{
    public override OutPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        OutPoint.TryParse(reader.GetString(), out var point) ? point.Value : throw new JsonException("Not a txid:vout outpoint.");

    public override void Write(Utf8JsonWriter writer, OutPoint value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
