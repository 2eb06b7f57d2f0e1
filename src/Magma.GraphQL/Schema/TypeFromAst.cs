using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Schema;

// Looks up the schema type a type reference in a document names.
internal static class TypeFromAst
{
    public static GraphQLType? Resolve(GraphQLSchema schema, TypeNode node) => node switch
    {
        NonNullTypeNode nonNull => Resolve(schema, nonNull.InnerType) is { } inner ? new NonNullType(inner) : null,
        ListTypeNode list => Resolve(schema, list.ItemType) is { } item ? new ListType(item) : null,
        NamedTypeNode named => schema.FindType(named.Name),
        _ => null,
    };
}
