using Magma.GraphQL.Execution;
using Magma.GraphQL.Language;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Introspection;

// Resolvers for the introspection fields that need more than a property read; the rest (names, descriptions,
// deprecation, `ofType`, root types) resolve through the default property lookup on the schema model.
internal static class IntrospectionResolvers
{
    public static IReadOnlyDictionary<string, FieldResolver> All { get; } = new Dictionary<string, FieldResolver>
    {
        ["__Schema.types"] = Sync(c => ((GraphQLSchema)c.Parent!).TypeList),
        ["__Type.fields"] = Sync(c => c.Parent is ComplexType type ? Filter(c, type.Fields, f => f.IsDeprecated) : null),
        ["__Type.interfaces"] = Sync(c => (c.Parent as ComplexType)?.Interfaces),
        ["__Type.possibleTypes"] = Sync(c => c.Parent is InterfaceType or UnionType ? c.Schema.GetPossibleTypes((NamedType)c.Parent) : null),
        ["__Type.enumValues"] = Sync(c => c.Parent is EnumType type ? Filter(c, type.Values, v => v.IsDeprecated) : null),
        ["__Type.inputFields"] = Sync(c => c.Parent is InputObjectType type ? Filter(c, type.Fields, f => f.IsDeprecated) : null),
        ["__Type.specifiedByURL"] = Sync(c => (c.Parent as ScalarType)?.SpecifiedByUrl),
        ["__Field.args"] = Sync(c => Filter(c, ((FieldDefinition)c.Parent!).Arguments, a => a.IsDeprecated)),
        ["__Directive.args"] = Sync(c => Filter(c, ((DirectiveDefinition)c.Parent!).Arguments, a => a.IsDeprecated)),
        ["__InputValue.defaultValue"] = Sync(c => ((InputValueDefinition)c.Parent!).DefaultLiteral is { } literal ? ValuePrinter.Print(literal) : null),
    };

    private static FieldResolver Sync(Func<ResolveContext, object?> resolve) => context => new ValueTask<object?>(resolve(context));

    private static IEnumerable<T> Filter<T>(ResolveContext context, IEnumerable<T> items, Func<T, bool> isDeprecated) =>
        context.Arguments.GetValueOrDefault("includeDeprecated") is true ? items : items.Where(item => !isDeprecated(item));
}
