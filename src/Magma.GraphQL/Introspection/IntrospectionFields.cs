using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Introspection;

// The implicit `__typename`, `__schema` and `__type(name:)` fields (spec §4.4–4.5).
internal static class IntrospectionFields
{
    public static MetaFields Create(IReadOnlyDictionary<string, NamedType> types)
    {
        var nonNullString = new NonNullType(types["String"]);
        var typeName = new FieldDefinition("__typename", "The name of the current Object type at runtime.", nonNullString, null);
        var schema = new FieldDefinition("__schema", "Access the current type schema of this server.", new NonNullType(types["__Schema"]), null)
        {
            Resolver = context => new ValueTask<object?>(context.Schema),
        };
        var type = new FieldDefinition("__type", "Request the type information of a single type.", types["__Type"], null)
        {
            Resolver = context => new ValueTask<object?>(context.Schema.FindType((string)context.Arguments["name"]!)),
        };
        type.TryAddArgument(new InputValueDefinition("name", null, nonNullString, null, null));
        return new MetaFields(typeName, schema, type);
    }
}
