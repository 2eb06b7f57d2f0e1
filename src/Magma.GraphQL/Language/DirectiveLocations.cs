namespace Magma.GraphQL.Language;

/// <summary>The directive location names of the spec (§3.13), executable and type-system ones.</summary>
public static class DirectiveLocations
{
    /// <summary>All location names in spec order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    ];

    private static readonly HashSet<string> Known = [.. All];

    /// <summary>Whether <paramref name="name"/> is a location the spec defines.</summary>
    public static bool IsKnown(string name) => Known.Contains(name);
}
