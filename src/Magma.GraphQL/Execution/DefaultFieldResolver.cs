using System.Text.Json;
using Magma.GraphQL.Execution.Clr;

namespace Magma.GraphQL.Execution;

/// <summary>
/// Resolution when no resolver is bound: a dictionary key, a JSON property, or a CLR property/field whose name
/// matches (snake_case <c>created_at</c> ↔ <c>CreatedAt</c>, or <see cref="GraphQLNameAttribute"/>).
/// </summary>
internal static class DefaultFieldResolver
{
    public static object? Resolve(PlannedField field, object? source)
    {
        var name = field.Definition.Name;
        switch (source)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> readOnly:
                return readOnly.GetValueOrDefault(name);
            case IDictionary<string, object?> dictionary:
                return dictionary.TryGetValue(name, out var value) ? value : null;
            case JsonElement json:
                return json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var property) ? property : null;
        }

        var type = source.GetType();
        var getter = field.LastGetter;
        if (getter is null || getter.Type != type)
            field.LastGetter = getter = new ClrGetter(type, ClrMemberAccessors.For(type, name));
        return getter.Get(source);
    }
}
