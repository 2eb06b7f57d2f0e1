namespace Magma.GraphQL.Schema;

/// <summary>An input object type.</summary>
public sealed class InputObjectType(string name, string? description) : NamedType(name, description)
{
    private readonly Dictionary<string, InputValueDefinition> _fieldsByName = new(StringComparer.Ordinal);
    private readonly List<InputValueDefinition> _fields = [];

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.InputObject;

    /// <summary>The input fields in declaration order.</summary>
    public IReadOnlyList<InputValueDefinition> Fields => _fields;

    /// <summary>The input field named <paramref name="name"/>, or null.</summary>
    public InputValueDefinition? FindField(string name) => _fieldsByName.GetValueOrDefault(name);

    internal bool TryAddField(InputValueDefinition field)
    {
        if (!_fieldsByName.TryAdd(field.Name, field))
            return false;
        _fields.Add(field);
        return true;
    }
}
