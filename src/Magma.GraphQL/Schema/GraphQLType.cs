namespace Magma.GraphQL.Schema;

/// <summary>Any type reference: a named type or a list/non-null wrapper around one.</summary>
public abstract class GraphQLType
{
    /// <summary>The named type inside any list and non-null wrappers.</summary>
    public abstract NamedType Named { get; }

    /// <summary>The kind reported by introspection.</summary>
    public abstract TypeKind Kind { get; }

    internal bool IsNonNull => this is NonNullType;

    internal GraphQLType Nullable => this is NonNullType nonNull ? nonNull.OfType : this;
}

/// <summary><c>[T]</c>.</summary>
public sealed class ListType(GraphQLType ofType) : GraphQLType
{
    /// <summary>The item type.</summary>
    public GraphQLType OfType { get; } = ofType;

    /// <inheritdoc />
    public override NamedType Named => OfType.Named;

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.List;

    /// <inheritdoc />
    public override string ToString() => $"[{OfType}]";
}

/// <summary><c>T!</c>.</summary>
public sealed class NonNullType(GraphQLType ofType) : GraphQLType
{
    /// <summary>The nullable type being wrapped.</summary>
    public GraphQLType OfType { get; } = ofType;

    /// <inheritdoc />
    public override NamedType Named => OfType.Named;

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.NonNull;

    /// <inheritdoc />
    public override string ToString() => $"{OfType}!";
}

/// <summary>A type with a name: scalar, object, interface, union, enum or input object.</summary>
public abstract class NamedType(string name, string? description) : GraphQLType
{
    /// <summary>The type name.</summary>
    public string Name { get; } = name;

    /// <summary>The description, if any.</summary>
    public string? Description { get; internal set; } = description;

    /// <inheritdoc />
    public override NamedType Named => this;

    internal bool IsInputType => this is ScalarType or EnumType or InputObjectType;

    internal bool IsOutputType => this is not InputObjectType;

    internal bool IsLeaf => this is ScalarType or EnumType;

    internal bool IsAbstract => this is InterfaceType or UnionType;

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>The <c>__TypeKind</c> values.</summary>
public enum TypeKind
{
    /// <summary>A scalar.</summary>
    Scalar,

    /// <summary>An object type.</summary>
    Object,

    /// <summary>An interface.</summary>
    Interface,

    /// <summary>A union.</summary>
    Union,

    /// <summary>An enum.</summary>
    Enum,

    /// <summary>An input object.</summary>
    InputObject,

    /// <summary>A list wrapper.</summary>
    List,

    /// <summary>A non-null wrapper.</summary>
    NonNull,
}
