using System.Text.Json;
using Magma.GraphQL.Execution.Clr;

namespace Magma.GraphQL.Execution;

// Resolution when no resolver is bound: a dictionary key, a JSON property, or a CLR property/field whose name
// matches (snake_case `created_at` ↔ `CreatedAt`, or GraphQLNameAttribute).
internal static class DefaultFieldResolver
{
    public static object? Resolve(PlannedField field, object? source)
    {
        if (source is null)
            return null;
        var getter = field.LastGetter;
        var type = source.GetType();
        if (getter is not null && getter.Type == type)
            return getter.Get(source);

        var name = field.Definition.Name;
        switch (source)
        {
            case IReadOnlyDictionary<string, object?> readOnly:
                return readOnly.GetValueOrDefault(name);
            case IDictionary<string, object?> dictionary:
                return dictionary.TryGetValue(name, out var value) ? value : null;
            case JsonElement json:
                return json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var property) ? property : null;
        }

        field.LastGetter = getter = new ClrGetter(type, ClrMemberAccessors.For(type, name));
        return getter.Get(source);
    }
}
