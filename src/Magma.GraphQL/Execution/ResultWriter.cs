using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Execution;

// Streams a result straight to a Utf8JsonWriter, without an intermediate DOM.
internal static class ResultWriter
{
    public static void Write(Utf8JsonWriter writer, ExecutionResult result)
    {
        writer.WriteStartObject();
        if (result.HasData)
        {
            writer.WritePropertyName("data");
            WriteValue(writer, result.Data);
        }

        if (result.Errors.Count > 0)
        {
            writer.WriteStartArray("errors");
            foreach (var error in result.Errors)
                WriteError(writer, error);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        writer.WriteStartObject();
        writer.WriteString("message", error.Message);
        if (error.Locations.Count > 0)
            WriteLocations(writer, error.Locations);
        if (error.Path is { } path)
        {
            writer.WriteStartArray("path");
            foreach (var segment in path)
                WriteValue(writer, segment);
            writer.WriteEndArray();
        }

        writer.WriteStartObject("extensions");
        writer.WriteString("code", error.Code);
        foreach (var (key, value) in error.Extensions ?? new Dictionary<string, object?>())
        {
            if (key == "code")
                continue;
            writer.WritePropertyName(key);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteLocations(Utf8JsonWriter writer, IReadOnlyList<Location> locations)
    {
        writer.WriteStartArray("locations");
        foreach (var location in locations)
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", location.Line);
            writer.WriteNumber("column", location.Column);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case int number: writer.WriteNumberValue(number); break;
            case bool boolean: writer.WriteBooleanValue(boolean); break;
            case double number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case decimal number: writer.WriteNumberValue(number); break;
            case float number: writer.WriteNumberValue(number); break;
            case ResultMap map: WriteMap(writer, map); break;
            case object?[] items: WriteArray(writer, items); break;
            case JsonElement json: json.WriteTo(writer); break;
            case JsonNode node: node.WriteTo(writer); break;
            case IEnumerable<KeyValuePair<string, object?>> pairs: WritePairs(writer, pairs); break;
            case IEnumerable sequence: WriteSequence(writer, sequence); break;
            default: JsonSerializer.Serialize(writer, value, value.GetType()); break;
        }
    }

    private static void WriteMap(Utf8JsonWriter writer, ResultMap map)
    {
        writer.WriteStartObject();
        var names = map.Plan.EncodedNames;
        for (var i = 0; i < names.Length; i++)
        {
            writer.WritePropertyName(names[i]);
            WriteValue(writer, map.Values[i]);
        }

        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, object?[] items)
    {
        writer.WriteStartArray();
        foreach (var item in items)
            WriteValue(writer, item);
        writer.WriteEndArray();
    }

    private static void WritePairs(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        writer.WriteStartObject();
        foreach (var (key, item) in pairs)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, item);
        }

        writer.WriteEndObject();
    }

    private static void WriteSequence(Utf8JsonWriter writer, IEnumerable sequence)
    {
        writer.WriteStartArray();
        foreach (var item in sequence)
            WriteValue(writer, item);
        writer.WriteEndArray();
    }
}
