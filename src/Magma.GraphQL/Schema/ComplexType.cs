namespace Magma.GraphQL.Schema;

/// <summary>An object or interface type: a named type with fields that may implement interfaces.</summary>
public abstract class ComplexType(string name, string? description) : NamedType(name, description)
{
    private readonly Dictionary<string, FieldDefinition> _fieldsByName = new(StringComparer.Ordinal);
    private readonly List<FieldDefinition> _fields = [];
    private readonly List<InterfaceType> _interfaces = [];

    /// <summary>The fields in declaration order.</summary>
    public IReadOnlyList<FieldDefinition> Fields => _fields;

    /// <summary>The interfaces this type implements.</summary>
    public IReadOnlyList<InterfaceType> Interfaces => _interfaces;

    /// <summary>The field named <paramref name="name"/>, or null.</summary>
    public FieldDefinition? FindField(string name) => _fieldsByName.GetValueOrDefault(name);

    internal bool TryAddField(FieldDefinition field)
    {
        if (!_fieldsByName.TryAdd(field.Name, field))
            return false;
        _fields.Add(field);
        return true;
    }

    internal void AddInterface(InterfaceType type) => _interfaces.Add(type);
}

/// <summary>An object type.</summary>
public sealed class ObjectType(string name, string? description) : ComplexType(name, description)
{
    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Object;
}

/// <summary>An interface type.</summary>
public sealed class InterfaceType(string name, string? description) : ComplexType(name, description)
{
    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Interface;

    internal Func<object, string?>? TypeResolver { get; set; }
}
