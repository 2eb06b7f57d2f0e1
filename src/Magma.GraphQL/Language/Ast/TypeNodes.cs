namespace Magma.GraphQL.Language.Ast;

/// <summary>A type reference such as <c>[String!]</c>.</summary>
public abstract class TypeNode(Location location) : SyntaxNode(location);

/// <summary>A reference to a named type.</summary>
public sealed class NamedTypeNode(Location location, string name) : TypeNode(location)
{
    /// <summary>The type name.</summary>
    public string Name { get; } = name;

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary><c>[T]</c>.</summary>
public sealed class ListTypeNode(Location location, TypeNode itemType) : TypeNode(location)
{
    /// <summary>The item type.</summary>
    public TypeNode ItemType { get; } = itemType;

    /// <inheritdoc />
    public override string ToString() => $"[{ItemType}]";
}

/// <summary><c>T!</c>.</summary>
public sealed class NonNullTypeNode(Location location, TypeNode innerType) : TypeNode(location)
{
    /// <summary>The wrapped nullable type.</summary>
    public TypeNode InnerType { get; } = innerType;

    /// <inheritdoc />
    public override string ToString() => $"{InnerType}!";
}
