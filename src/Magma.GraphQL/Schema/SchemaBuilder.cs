using Magma.GraphQL.Execution;
using Magma.GraphQL.Language;
using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema.Building;
using Magma.GraphQL.Schema.Scalars;

namespace Magma.GraphQL.Schema;

/// <summary>
/// Builds a <see cref="GraphQLSchema"/> schema-first: SDL text (added in any number of pieces, with
/// <c>extend</c> merging), custom scalars, and resolvers bound to <c>Type.field</c> coordinates.
/// </summary>
public sealed class SchemaBuilder
{
    private readonly List<DocumentNode> _documents = [];
    private readonly List<string> _errors = [];
    private readonly Dictionary<string, ScalarDefinition> _scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldResolver> _resolvers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<object, string?>> _typeResolvers = new(StringComparer.Ordinal);

    /// <summary>Adds SDL; a syntax error is reported by <see cref="Build"/>.</summary>
    public SchemaBuilder AddSdl(string sdl)
    {
        try
        {
            _documents.Add(Parser.Parse(sdl));
        }
        catch (GraphQLSyntaxException error)
        {
            _errors.Add($"{error.Message} (line {error.Location.Line}, column {error.Location.Column})");
        }

        return this;
    }

    /// <summary>Registers a custom scalar; it is used when the SDL declares <c>scalar Name</c>.</summary>
    public SchemaBuilder AddScalar(ScalarDefinition scalar)
    {
        _scalars[scalar.Name] = scalar;
        return this;
    }

    /// <summary>Binds <paramref name="resolver"/> to the field at <paramref name="coordinate"/>, e.g. <c>"Query.market"</c>.</summary>
    public SchemaBuilder Resolve(string coordinate, FieldResolver resolver)
    {
        if (!_resolvers.TryAdd(coordinate, resolver))
            _errors.Add($"A resolver is already bound to \"{coordinate}\".");
        return this;
    }

    /// <summary>Binds a synchronous resolver to the field at <paramref name="coordinate"/>.</summary>
    public SchemaBuilder ResolveValue(string coordinate, Func<ResolveContext, object?> resolver) =>
        Resolve(coordinate, context => new ValueTask<object?>(resolver(context)));

    /// <summary>
    /// Tells which object type a value of the interface or union <paramref name="abstractType"/> is. Without one,
    /// a <c>__typename</c> key or property, or a CLR type named like the object type, decides.
    /// </summary>
    public SchemaBuilder ResolveType(string abstractType, Func<object, string?> resolver)
    {
        _typeResolvers[abstractType] = resolver;
        return this;
    }

    /// <summary>Builds the schema; throws <see cref="SchemaException"/> listing every problem found.</summary>
    public GraphQLSchema Build()
    {
        if (_errors.Count > 0)
            throw new SchemaException(_errors);
        return new SchemaAssembler(_documents, _scalars, _resolvers, _typeResolvers).Assemble();
    }
}
