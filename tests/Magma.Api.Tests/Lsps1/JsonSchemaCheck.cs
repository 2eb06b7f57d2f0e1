using System.Text.Json;
using System.Text.RegularExpressions;

namespace Magma.Api.Tests.Lsps1;

/// <summary>
/// A small in-process JSON Schema (2020-12) checker for the keywords lsp-spec uses, so a machine with only the .NET
/// SDK still validates real responses against the schema files; ajv does the full job where Node is installed.
/// </summary>
public sealed class JsonSchemaCheck(JsonElement document)
{
    public List<string> Errors { get; } = [];

    public static List<string> Validate(JsonElement document, JsonElement instance)
    {
        var check = new JsonSchemaCheck(document);
        check.Check(document, instance, "$");
        return check.Errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path)
    {
        if (schema.TryGetProperty("$ref", out var reference))
            Check(Resolve(reference.GetString()!), value, path);
        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
            Errors.Add($"{path}: {value.ValueKind} is not {type}");
        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
            Errors.Add($"{path}: not {constant}");
        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
            Errors.Add($"{path}: {value} is not one of {options}");
        if (schema.TryGetProperty("anyOf", out var anyOf) && !anyOf.EnumerateArray().Any(s => Validate(document, s, value)))
            Errors.Add($"{path}: matches none of anyOf");
        if (value.ValueKind == JsonValueKind.String)
            CheckString(schema, value.GetString()!, path);
        if (value.ValueKind == JsonValueKind.Number)
            CheckNumber(schema, value, path);
        if (value.ValueKind == JsonValueKind.Object)
            CheckObject(schema, value, path);
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            if (schema.TryGetProperty("minItems", out var min) && value.GetArrayLength() < min.GetInt32())
                Errors.Add($"{path}: fewer than {min} items");
            var i = 0;
            foreach (var item in value.EnumerateArray())
                Check(items, item, $"{path}[{i++}]");
        }
    }

    private bool Validate(JsonElement root, JsonElement schema, JsonElement value)
    {
        var inner = new JsonSchemaCheck(root);
        inner.Check(schema, value, "");
        return inner.Errors.Count == 0;
    }

    private void CheckString(JsonElement schema, string text, string path)
    {
        if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!))
            Errors.Add($"{path}: \"{text}\" does not match {pattern}");
        if (schema.TryGetProperty("maxLength", out var max) && text.Length > max.GetInt32())
            Errors.Add($"{path}: longer than {max}");
        if (schema.TryGetProperty("minLength", out var min) && text.Length < min.GetInt32())
            Errors.Add($"{path}: shorter than {min}");
    }

    private void CheckNumber(JsonElement schema, JsonElement value, string path)
    {
        var number = value.GetDecimal();
        if (schema.TryGetProperty("minimum", out var min) && number < min.GetDecimal())
            Errors.Add($"{path}: below {min}");
        if (schema.TryGetProperty("maximum", out var max) && number > max.GetDecimal())
            Errors.Add($"{path}: above {max}");
    }

    private void CheckObject(JsonElement schema, JsonElement value, string path)
    {
        if (schema.TryGetProperty("required", out var required))
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
                Errors.Add($"{path}: missing {name}");
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                Check(propertySchema, property.Value, $"{path}.{property.Name}");
            else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
                Errors.Add($"{path}: unexpected {property.Name}");
        }
    }

    private JsonElement Resolve(string reference)
    {
        var node = document;
        foreach (var part in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            node = node.GetProperty(part);
        return node;
    }

    private static bool TypeMatches(JsonElement type, JsonElement value) =>
        type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Any(t => Is(t.GetString()!, value)) : Is(type.GetString()!, value);

    private static bool Is(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        _ => false,
    };
}
