namespace Magma.GraphQL.Schema;

/// <summary>An enum type; values are represented by their names (strings) inside the engine.</summary>
public sealed class EnumType(string name, string? description) : NamedType(name, description)
{
    private readonly Dictionary<string, EnumValueDefinition> _valuesByName = new(StringComparer.Ordinal);
    private readonly List<EnumValueDefinition> _values = [];

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Enum;

    /// <summary>The values in declaration order.</summary>
    public IReadOnlyList<EnumValueDefinition> Values => _values;

    /// <summary>The value named <paramref name="name"/>, or null.</summary>
    public EnumValueDefinition? FindValue(string name) => _valuesByName.GetValueOrDefault(name);

    internal bool TryAddValue(EnumValueDefinition value)
    {
        if (!_valuesByName.TryAdd(value.Name, value))
            return false;
        _values.Add(value);
        return true;
    }
}

/// <summary>One enum value.</summary>
public sealed class EnumValueDefinition(string name, string? description, string? deprecationReason)
{
    /// <summary>The value name, e.g. <c>WAITING_FOR_SELLER_APPROVAL</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The description, if any.</summary>
    public string? Description { get; } = description;

    /// <summary>Why the value is deprecated, null when it is not.</summary>
    public string? DeprecationReason { get; } = deprecationReason;

    /// <summary>Whether the value is deprecated.</summary>
    public bool IsDeprecated => DeprecationReason is not null;
}
