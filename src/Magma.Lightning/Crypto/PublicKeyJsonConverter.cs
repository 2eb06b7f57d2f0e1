using System.Text.Json;
using System.Text.Json.Serialization;

namespace Magma.Lightning.Crypto;

/// <summary>Public keys travel as 66 lowercase hex characters in every JSON surface.</summary>
public sealed class PublicKeyJsonConverter : JsonConverter<PublicKey>
{
    public override PublicKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PublicKey.TryParseHex(reader.GetString(), out var key) ? key : throw new JsonException("Not a compressed secp256k1 public key.");

    public override void Write(Utf8JsonWriter writer, PublicKey value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToHex());
}
