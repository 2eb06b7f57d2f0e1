using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Schema;

/// <summary>An immutable, validated schema with its resolvers bound. Build one with <see cref="SchemaBuilder"/>.</summary>
public sealed class GraphQLSchema
{
    private readonly Dictionary<string, NamedType> _types;
    private readonly Dictionary<string, DirectiveDefinition> _directives;
    private readonly Dictionary<NamedType, HashSet<ObjectType>> _possibleTypes = [];
    private readonly Dictionary<NamedType, IReadOnlyList<ObjectType>> _possibleTypeLists = [];

    internal GraphQLSchema(
        string? description,
        IReadOnlyList<NamedType> types,
        IReadOnlyList<DirectiveDefinition> directives,
        ObjectType queryType,
        ObjectType? mutationType,
        ObjectType? subscriptionType,
        MetaFields metaFields)
    {
        Description = description;
        TypeList = types;
        Directives = directives;
        QueryType = queryType;
        MutationType = mutationType;
        SubscriptionType = subscriptionType;
        Meta = metaFields;
        _types = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _directives = directives.ToDictionary(d => d.Name, StringComparer.Ordinal);
        IndexPossibleTypes();
    }

    /// <summary>The schema description, if any.</summary>
    public string? Description { get; }

    /// <summary>The query root type.</summary>
    public ObjectType QueryType { get; }

    /// <summary>The mutation root type, if the schema has one.</summary>
    public ObjectType? MutationType { get; }

    /// <summary>The subscription root type, if the schema has one.</summary>
    public ObjectType? SubscriptionType { get; }

    /// <summary>Every named type, including built-in scalars and introspection types, in declaration order.</summary>
    public IReadOnlyList<NamedType> TypeList { get; }

    /// <summary>Every directive, built-in ones first.</summary>
    public IReadOnlyList<DirectiveDefinition> Directives { get; }

    internal MetaFields Meta { get; }

    /// <summary>The type named <paramref name="name"/>, or null.</summary>
    public NamedType? FindType(string name) => _types.GetValueOrDefault(name);

    /// <summary>The directive named <paramref name="name"/>, or null.</summary>
    public DirectiveDefinition? FindDirective(string name) => _directives.GetValueOrDefault(name);

    /// <summary>The object types an interface or union can resolve to (a single-item list for an object type).</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType type) =>
        type is ObjectType objectType ? [objectType] : _possibleTypeLists.GetValueOrDefault(type) ?? [];

    /// <summary>Whether <paramref name="objectType"/> is one of the possible types of <paramref name="type"/>.</summary>
    public bool IsPossibleType(NamedType type, ObjectType objectType) =>
        type == objectType || (_possibleTypes.TryGetValue(type, out var set) && set.Contains(objectType));

    /// <summary>The schema as SDL text, without built-in scalars, directives and introspection types.</summary>
    public string Print() => SchemaPrinter.Print(this);

    internal ObjectType? RootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    // Finds a field including `__typename`, and `__schema`/`__type` on the query root.
    internal FieldDefinition? FindField(NamedType parent, string name)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            if (name == "__typename" && parent is ComplexType or UnionType)
                return Meta.TypeName;
            if (parent == QueryType)
                return name == "__schema" ? Meta.Schema : name == "__type" ? Meta.Type : null;
        }

        return (parent as ComplexType)?.FindField(name);
    }

    private void IndexPossibleTypes()
    {
        foreach (var type in TypeList)
        {
            switch (type)
            {
                case UnionType union:
                    foreach (var member in union.Types)
                        AddPossible(union, member);
                    break;
                case ObjectType objectType:
                    foreach (var implemented in objectType.Interfaces)
                        AddPossible(implemented, objectType);
                    break;
            }
        }
    }

    private void AddPossible(NamedType abstractType, ObjectType objectType)
    {
        if (!_possibleTypes.TryGetValue(abstractType, out var set))
        {
            _possibleTypes[abstractType] = set = [];
            _possibleTypeLists[abstractType] = new List<ObjectType>();
        }

        if (set.Add(objectType))
            ((List<ObjectType>)_possibleTypeLists[abstractType]).Add(objectType);
    }
}

// The implicit introspection fields every schema answers.
internal sealed record MetaFields(FieldDefinition TypeName, FieldDefinition Schema, FieldDefinition Type);
