using System.Text;
using System.Text.Json;
using Magma.GraphQL.Schema;
using Magma.GraphQL.Schema.Scalars;

namespace Magma.GraphQL.Execution.Coercion;

// Coerces a JSON variable value to an input type, explaining precisely what is wrong and where.
internal static class VariableCoercer
{
    // Returns null on success, otherwise the message after "got invalid value".
    public static string? TryCoerce(string variableName, JsonElement json, GraphQLType type, out object? value)
    {
        var path = new List<object>();
        var error = Coerce(json, type, path, out value);
        return error is null ? null : Describe(variableName, path, error.Value);
    }

    private static (string Message, JsonElement Offending)? Coerce(JsonElement json, GraphQLType type, List<object> path, out object? value)
    {
        value = null;
        var isNull = json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;
        if (type is NonNullType nonNull)
        {
            return isNull
                ? ($"Expected non-nullable type \"{type}\" not to be null.", json)
                : Coerce(json, nonNull.OfType, path, out value);
        }

        if (isNull)
            return null;
        return type switch
        {
            ListType list => CoerceList(json, list, path, out value),
            InputObjectType input => CoerceObject(json, input, path, out value),
            EnumType enumType => CoerceEnum(json, enumType, out value),
            ScalarType scalar => CoerceScalar(json, scalar, out value),
            _ => ($"Expected type \"{type}\".", json),
        };
    }

    private static (string, JsonElement)? CoerceList(JsonElement json, ListType list, List<object> path, out object? value)
    {
        value = null;
        if (json.ValueKind != JsonValueKind.Array)
        {
            var singleError = Coerce(json, list.OfType, path, out var single);
            value = singleError is null ? new[] { single } : null;
            return singleError;
        }

        var items = new object?[json.GetArrayLength()];
        var index = 0;
        foreach (var item in json.EnumerateArray())
        {
            path.Add(index);
            if (Coerce(item, list.OfType, path, out items[index]) is { } error)
                return error;
            path.RemoveAt(path.Count - 1);
            index++;
        }

        value = items;
        return null;
    }

    private static (string, JsonElement)? CoerceObject(JsonElement json, InputObjectType input, List<object> path, out object? value)
    {
        value = null;
        if (json.ValueKind != JsonValueKind.Object)
            return ($"Expected type \"{input.Name}\" to be an object.", json);

        var result = new Dictionary<string, object?>(input.Fields.Count, StringComparer.Ordinal);
        foreach (var definition in input.Fields)
        {
            if (!json.TryGetProperty(definition.Name, out var provided))
            {
                if (definition.HasDefault)
                    result[definition.Name] = definition.DefaultValue;
                else if (definition.Type.IsNonNull)
                    return ($"Field \"{definition.Name}\" of required type \"{definition.Type}\" was not provided.", json);
                continue;
            }

            path.Add(definition.Name);
            if (Coerce(provided, definition.Type, path, out var fieldValue) is { } error)
                return error;
            path.RemoveAt(path.Count - 1);
            result[definition.Name] = fieldValue;
        }

        foreach (var property in json.EnumerateObject())
        {
            if (input.FindField(property.Name) is null)
                return ($"Field \"{property.Name}\" is not defined by type \"{input.Name}\".", json);
        }

        value = result;
        return null;
    }

    private static (string, JsonElement)? CoerceEnum(JsonElement json, EnumType enumType, out object? value)
    {
        value = null;
        if (json.ValueKind != JsonValueKind.String)
            return ($"Enum \"{enumType.Name}\" cannot represent non-string value: {ScalarText.Of(json)}.", json);
        var name = json.GetString()!;
        if (enumType.FindValue(name) is not { } enumValue)
            return ($"Value \"{name}\" does not exist in \"{enumType.Name}\" enum.", json);
        value = enumValue.Name;
        return null;
    }

    private static (string, JsonElement)? CoerceScalar(JsonElement json, ScalarType scalar, out object? value)
    {
        value = null;
        try
        {
            value = scalar.Definition.ParseValue(json);
            return null;
        }
        catch (ScalarCoercionException error)
        {
            return (error.Message, json);
        }
        catch (Exception)
        {
            return ($"Expected type \"{scalar.Name}\".", json);
        }
    }

    private static string Describe(string variableName, List<object> path, (string Message, JsonElement Offending) error)
    {
        var text = new StringBuilder($"Variable \"${variableName}\" got invalid value {ScalarText.Of(error.Offending)}");
        if (path.Count > 0)
        {
            text.Append(" at \"").Append(variableName);
            foreach (var segment in path)
                text.Append(segment is int index ? $"[{index}]" : $".{segment}");
            text.Append('"');
        }

        return text.Append("; ").Append(error.Message).ToString();
    }
}
