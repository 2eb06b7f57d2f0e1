namespace Magma.GraphQL.Language.Ast;

/// <summary>A named type definition or an <c>extend</c> of one.</summary>
public abstract class TypeDefinitionNode(
    Location location, string? description, string name, IReadOnlyList<DirectiveNode> directives, bool isExtension)
    : DefinitionNode(location)
{
    /// <summary>The description string, if any.</summary>
    public string? Description { get; } = description;

    /// <summary>The type name.</summary>
    public string Name { get; } = name;

    /// <summary>Directives applied to the type.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;

    /// <summary>Whether this was written as <c>extend ...</c>.</summary>
    public bool IsExtension { get; } = isExtension;
}

/// <summary><c>scalar Name</c>.</summary>
public sealed class ScalarTypeDefinitionNode(
    Location location, string? description, string name, IReadOnlyList<DirectiveNode> directives, bool isExtension)
    : TypeDefinitionNode(location, description, name, directives, isExtension);

/// <summary><c>type Name implements I { fields }</c> or <c>interface Name { fields }</c>.</summary>
public sealed class ObjectTypeDefinitionNode(
    Location location,
    string? description,
    string name,
    bool isInterface,
    IReadOnlyList<NamedTypeNode> interfaces,
    IReadOnlyList<DirectiveNode> directives,
    IReadOnlyList<FieldDefinitionNode> fields,
    bool isExtension) : TypeDefinitionNode(location, description, name, directives, isExtension)
{
    /// <summary>Whether this defines an interface rather than an object type.</summary>
    public bool IsInterface { get; } = isInterface;

    /// <summary>The implemented interfaces.</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; } = interfaces;

    /// <summary>The fields.</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; } = fields;
}

/// <summary><c>union Name = A | B</c>.</summary>
public sealed class UnionTypeDefinitionNode(
    Location location,
    string? description,
    string name,
    IReadOnlyList<DirectiveNode> directives,
    IReadOnlyList<NamedTypeNode> types,
    bool isExtension) : TypeDefinitionNode(location, description, name, directives, isExtension)
{
    /// <summary>The member types.</summary>
    public IReadOnlyList<NamedTypeNode> Types { get; } = types;
}

/// <summary><c>enum Name { VALUES }</c>.</summary>
public sealed class EnumTypeDefinitionNode(
    Location location,
    string? description,
    string name,
    IReadOnlyList<DirectiveNode> directives,
    IReadOnlyList<EnumValueDefinitionNode> values,
    bool isExtension) : TypeDefinitionNode(location, description, name, directives, isExtension)
{
    /// <summary>The values.</summary>
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; } = values;
}

/// <summary><c>input Name { fields }</c>.</summary>
public sealed class InputObjectTypeDefinitionNode(
    Location location,
    string? description,
    string name,
    IReadOnlyList<DirectiveNode> directives,
    IReadOnlyList<InputValueDefinitionNode> fields,
    bool isExtension) : TypeDefinitionNode(location, description, name, directives, isExtension)
{
    /// <summary>The input fields.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; } = fields;
}
