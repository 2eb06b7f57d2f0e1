using Magma.GraphQL.Execution;
using Magma.GraphQL.Introspection;
using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema.Scalars;

namespace Magma.GraphQL.Schema.Building;

// Turns collected SDL, scalars and resolver bindings into a validated GraphQLSchema.
internal sealed partial class SchemaAssembler(
    IReadOnlyList<DocumentNode> documents,
    IReadOnlyDictionary<string, ScalarDefinition> scalars,
    IReadOnlyDictionary<string, FieldResolver> resolvers,
    IReadOnlyDictionary<string, Func<object, string?>> typeResolvers)
{
    private readonly List<string> _errors = [];
    private readonly Dictionary<string, NamedType> _types = new(StringComparer.Ordinal);
    private readonly List<NamedType> _typeOrder = [];
    private SdlDefinitions _sdl = null!;

    public GraphQLSchema Assemble()
    {
        _sdl = SdlDefinitions.Collect([.. documents, BuiltInSdl.Document, IntrospectionSdl.Document], _errors);
        CreateNamedTypes();
        AddMembers();
        var directives = CreateDirectives();
        var roots = ResolveRootTypes();
        CoerceDefaultValues(directives);
        new SchemaInvariants(_errors).Check(_typeOrder.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)));
        BindResolvers();
        if (_errors.Count > 0 || roots.Query is null)
            throw new SchemaException(_errors);

        var meta = IntrospectionFields.Create(_types);
        var description = _sdl.Schemas.FirstOrDefault(s => !s.IsExtension)?.Description;
        return new GraphQLSchema(description, _typeOrder, directives, roots.Query, roots.Mutation, roots.Subscription, meta);
    }

    private (ObjectType? Query, ObjectType? Mutation, ObjectType? Subscription) ResolveRootTypes()
    {
        var names = new Dictionary<OperationType, string>();
        if (_sdl.Schemas.Count == 0)
        {
            names[OperationType.Query] = "Query";
            names[OperationType.Mutation] = "Mutation";
            names[OperationType.Subscription] = "Subscription";
        }

        foreach (var operationType in _sdl.Schemas.SelectMany(s => s.OperationTypes))
        {
            if (!names.TryAdd(operationType.Operation, operationType.Type.Name))
                _errors.Add($"Type for {operationType.Operation.ToString().ToLowerInvariant()} already defined in the schema.");
        }

        var query = RootType(names, OperationType.Query);
        if (query is null)
            _errors.Add("Query root type must be provided.");
        return (query, RootType(names, OperationType.Mutation), RootType(names, OperationType.Subscription));
    }

    private ObjectType? RootType(Dictionary<OperationType, string> names, OperationType operation)
    {
        if (!names.TryGetValue(operation, out var name))
            return null;
        var explicitlyNamed = _sdl.Schemas.Count > 0;
        return _types.GetValueOrDefault(name) switch
        {
            ObjectType objectType => objectType,
            null when !explicitlyNamed => null,
            _ => Fail($"{operation} root type must be an object type, it cannot be \"{name}\"."),
        };

        ObjectType? Fail(string message)
        {
            _errors.Add(message);
            return null;
        }
    }

    private void BindResolvers()
    {
        foreach (var (coordinate, resolver) in IntrospectionResolvers.All.Concat(resolvers))
        {
            var dot = coordinate.IndexOf('.');
            var type = dot > 0 ? _types.GetValueOrDefault(coordinate[..dot]) as ComplexType : null;
            var field = type?.FindField(coordinate[(dot + 1)..]);
            if (field is null)
                _errors.Add($"A resolver is bound to \"{coordinate}\", but the schema has no such field.");
            else
                field.Resolver = resolver;
        }

        foreach (var (name, resolver) in typeResolvers)
        {
            switch (_types.GetValueOrDefault(name))
            {
                case InterfaceType interfaceType:
                    interfaceType.TypeResolver = resolver;
                    break;
                case UnionType union:
                    union.TypeResolver = resolver;
                    break;
                default:
                    _errors.Add($"A type resolver is bound to \"{name}\", which is not an interface or union.");
                    break;
            }
        }
    }
}
