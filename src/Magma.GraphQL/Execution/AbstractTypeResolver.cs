using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Execution;

// Decides the concrete object type of a value returned for an interface or union field.
internal static class AbstractTypeResolver
{
    private static readonly ConcurrentDictionary<(NamedType, Type), ObjectType?> ClrMatches = new();

    public static ObjectType? Resolve(GraphQLSchema schema, NamedType abstractType, object value)
    {
        var resolver = abstractType switch
        {
            InterfaceType interfaceType => interfaceType.TypeResolver,
            UnionType union => union.TypeResolver,
            _ => null,
        };
        var name = resolver?.Invoke(value) ?? TypeNameOf(value);
        if (name is not null)
            return schema.FindType(name) is ObjectType named && schema.IsPossibleType(abstractType, named) ? named : null;

        return ClrMatches.GetOrAdd((abstractType, value.GetType()), static (key, schema) => MatchClrType(schema, key.Item1, key.Item2), schema);
    }

    private static string? TypeNameOf(object value) => value switch
    {
        IReadOnlyDictionary<string, object?> readOnly => readOnly.GetValueOrDefault("__typename") as string,
        IDictionary<string, object?> dictionary => dictionary.TryGetValue("__typename", out var name) ? name as string : null,
        JsonElement { ValueKind: JsonValueKind.Object } json when json.TryGetProperty("__typename", out var name) => name.GetString(),
        _ => null,
    };

    private static ObjectType? MatchClrType(GraphQLSchema schema, NamedType abstractType, Type clrType)
    {
        var possible = schema.GetPossibleTypes(abstractType);
        for (var type = clrType; type is not null && type != typeof(object); type = type.BaseType)
        {
            var name = type.GetCustomAttribute<GraphQLNameAttribute>(inherit: false)?.Name ?? type.Name;
            var match = possible.FirstOrDefault(p => p.Name == name);
            if (match is not null)
                return match;
        }

        return possible.Count == 1 ? possible[0] : null;
    }
}
