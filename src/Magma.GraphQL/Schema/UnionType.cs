namespace Magma.GraphQL.Schema;

/// <summary>A union of object types.</summary>
public sealed class UnionType(string name, string? description) : NamedType(name, description)
{
    private readonly List<ObjectType> _types = [];

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Union;

    /// <summary>The member types.</summary>
    public IReadOnlyList<ObjectType> Types => _types;

    internal Func<object, string?>? TypeResolver { get; set; }

    internal void AddMember(ObjectType type) => _types.Add(type);
}
