using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema.Scalars;

namespace Magma.GraphQL.Schema.Building;

internal sealed partial class SchemaAssembler
{
    private static readonly ScalarDefinition[] StandardScalars =
        [IntScalar.Instance, FloatScalar.Instance, StringScalar.Instance, BooleanScalar.Instance, IdScalar.Instance];

    private void CreateNamedTypes()
    {
        foreach (var definition in _sdl.Types)
        {
            if (CreateShell(definition) is { } type)
                Register(type);
        }

        foreach (var scalar in StandardScalars.Where(s => !_types.ContainsKey(s.Name)))
            Register(new ScalarType(scalar, null));

        foreach (var name in _sdl.Extensions.Keys.Where(name => !_types.ContainsKey(name)))
            _errors.Add($"Cannot extend type \"{name}\" because it is not defined.");
    }

    private void Register(NamedType type)
    {
        _types[type.Name] = type;
        _typeOrder.Add(type);
    }

    private NamedType? CreateShell(TypeDefinitionNode definition) => definition switch
    {
        ScalarTypeDefinitionNode scalar => CreateScalar(scalar),
        ObjectTypeDefinitionNode { IsInterface: true } => new InterfaceType(definition.Name, definition.Description),
        ObjectTypeDefinitionNode => new ObjectType(definition.Name, definition.Description),
        UnionTypeDefinitionNode => new UnionType(definition.Name, definition.Description),
        EnumTypeDefinitionNode => new EnumType(definition.Name, definition.Description),
        InputObjectTypeDefinitionNode => new InputObjectType(definition.Name, definition.Description),
        _ => null,
    };

    private ScalarType? CreateScalar(ScalarTypeDefinitionNode definition)
    {
        var scalar = StandardScalars.FirstOrDefault(s => s.Name == definition.Name)
            ?? scalars.GetValueOrDefault(definition.Name)
            ?? definition.Name switch
            {
                "DateTime" => DateTimeScalar.Instance,
                "JSON" => JsonScalar.Instance,
                _ => null,
            };
        if (scalar is not null)
            return new ScalarType(scalar, definition.Description);
        _errors.Add($"Scalar \"{definition.Name}\" has no implementation; register one with AddScalar.");
        return null;
    }

    private void AddMembers()
    {
        foreach (var type in _typeOrder.ToList())
        {
            foreach (var node in _sdl.DefinitionAndExtensions(type.Name))
            {
                if (!SameKind(type, node))
                {
                    _errors.Add($"Cannot extend non-{KindName(node)} type \"{type.Name}\".");
                    continue;
                }

                AddMembers(type, node);
            }
        }
    }

    private void AddMembers(NamedType type, TypeDefinitionNode node)
    {
        switch (type, node)
        {
            case (ComplexType complex, ObjectTypeDefinitionNode definition):
                AddFields(complex, definition);
                break;
            case (UnionType union, UnionTypeDefinitionNode definition):
                foreach (var member in definition.Types)
                {
                    if (LookUp(member.Name, $"union \"{union.Name}\"") is ObjectType objectType)
                        union.AddMember(objectType);
                    else if (_types.ContainsKey(member.Name))
                        _errors.Add($"Union type {union.Name} can only include Object types, it cannot include {member.Name}.");
                }
                break;
            case (EnumType enumType, EnumTypeDefinitionNode definition):
                foreach (var value in definition.Values)
                {
                    if (!enumType.TryAddValue(new EnumValueDefinition(value.Name, value.Description, DeprecationOf(value.Directives))))
                        _errors.Add($"Enum value \"{enumType.Name}.{value.Name}\" can only be defined once.");
                }
                break;
            case (InputObjectType input, InputObjectTypeDefinitionNode definition):
                foreach (var field in definition.Fields)
                {
                    if (CreateInputValue(field, $"{input.Name}.{field.Name}") is { } created && !input.TryAddField(created))
                        _errors.Add($"Field \"{input.Name}.{field.Name}\" can only be defined once.");
                }
                break;
            case (ScalarType scalar, ScalarTypeDefinitionNode definition):
                scalar.SpecifiedByUrl = SpecifiedByOf(definition.Directives) ?? scalar.SpecifiedByUrl;
                break;
        }
    }

    private void AddFields(ComplexType type, ObjectTypeDefinitionNode definition)
    {
        foreach (var implemented in definition.Interfaces)
        {
            if (LookUp(implemented.Name, $"\"{type.Name}\"") is InterfaceType interfaceType)
                type.AddInterface(interfaceType);
            else if (_types.ContainsKey(implemented.Name))
                _errors.Add($"Type {type.Name} must only implement Interface types, it cannot implement {implemented.Name}.");
        }

        foreach (var node in definition.Fields)
        {
            var coordinate = $"{type.Name}.{node.Name}";
            var fieldType = ResolveTypeReference(node.Type, coordinate);
            if (fieldType is null)
                continue;
            if (!fieldType.Named.IsOutputType)
                _errors.Add($"The type of {coordinate} must be Output Type but got: {fieldType}.");
            var field = new FieldDefinition(node.Name, node.Description, fieldType, DeprecationOf(node.Directives));
            foreach (var argument in node.Arguments)
            {
                if (CreateInputValue(argument, $"{coordinate}({argument.Name}:)") is { } created && !field.TryAddArgument(created))
                    _errors.Add($"Argument \"{coordinate}({argument.Name}:)\" can only be defined once.");
            }

            if (!type.TryAddField(field))
                _errors.Add($"Field \"{coordinate}\" can only be defined once.");
        }
    }

    private InputValueDefinition? CreateInputValue(InputValueDefinitionNode node, string coordinate)
    {
        var type = ResolveTypeReference(node.Type, coordinate);
        if (type is null)
            return null;
        if (!type.Named.IsInputType)
            _errors.Add($"The type of {coordinate} must be Input Type but got: {type}.");
        return new InputValueDefinition(node.Name, node.Description, type, node.DefaultValue, DeprecationOf(node.Directives));
    }

    private GraphQLType? ResolveTypeReference(TypeNode node, string referencedBy) => node switch
    {
        NonNullTypeNode nonNull => ResolveTypeReference(nonNull.InnerType, referencedBy) is { } inner ? new NonNullType(inner) : null,
        ListTypeNode list => ResolveTypeReference(list.ItemType, referencedBy) is { } item ? new ListType(item) : null,
        _ => LookUp(((NamedTypeNode)node).Name, referencedBy),
    };

    private NamedType? LookUp(string name, string referencedBy)
    {
        if (_types.TryGetValue(name, out var type))
            return type;
        if (!_sdl.TypesByName.ContainsKey(name))
            _errors.Add($"Unknown type \"{name}\" referenced by {referencedBy}.");
        return null;
    }

    private static bool SameKind(NamedType type, TypeDefinitionNode node) => (type, node) switch
    {
        (ScalarType, ScalarTypeDefinitionNode) or (UnionType, UnionTypeDefinitionNode) or (EnumType, EnumTypeDefinitionNode) or
            (InputObjectType, InputObjectTypeDefinitionNode) => true,
        (InterfaceType, ObjectTypeDefinitionNode { IsInterface: true }) => true,
        (ObjectType, ObjectTypeDefinitionNode { IsInterface: false }) => true,
        _ => false,
    };

    private static string KindName(TypeDefinitionNode node) => node switch
    {
        ScalarTypeDefinitionNode => "scalar",
        ObjectTypeDefinitionNode { IsInterface: true } => "interface",
        ObjectTypeDefinitionNode => "object",
        UnionTypeDefinitionNode => "union",
        EnumTypeDefinitionNode => "enum",
        _ => "input object",
    };
}
