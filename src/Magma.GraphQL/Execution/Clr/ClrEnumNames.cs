using System.Collections.Concurrent;
using System.Reflection;

namespace Magma.GraphQL.Execution.Clr;

// C# enum members ↔ GraphQL enum value names (`WaitingForSellerApproval` ↔ `WAITING_FOR_SELLER_APPROVAL`).
internal static class ClrEnumNames
{
    private static readonly ConcurrentDictionary<Type, EnumMap> Maps = new();

    public static string ToGraphQL(Enum value) => MapFor(value.GetType()).Names.GetValueOrDefault(value) ?? NameConventions.ToUpperSnakeCase(value.ToString());

    public static bool TryParse(Type enumType, string graphQLName, out object? value)
    {
        value = MapFor(enumType).Values.GetValueOrDefault(graphQLName);
        return value is not null;
    }

    private static EnumMap MapFor(Type enumType) => Maps.GetOrAdd(enumType, static type =>
    {
        var names = new Dictionary<Enum, string>();
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = (Enum)field.GetValue(null)!;
            var name = field.GetCustomAttribute<GraphQLNameAttribute>()?.Name ?? NameConventions.ToUpperSnakeCase(field.Name);
            names.TryAdd(value, name);
            values.TryAdd(name, value);
            values.TryAdd(field.Name, value);
        }

        return new EnumMap(names, values);
    });

    private sealed record EnumMap(Dictionary<Enum, string> Names, Dictionary<string, object> Values);
}
