using Magma.GraphQL.Language;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Tests.Language;

public class TypeSystemParsingTests
{
    [Fact]
    public void ParsesTypeDefinitionsWithDescriptionsDirectivesAndDefaults()
    {
        var document = Parser.Parse("""
            "The root"
            type Query implements & Node & Named @key {
              "Field doc"
              search(text: String! = "x" @deprecated, "arg doc" limit: [Int!]): [Result!]! @deprecated(reason: "old")
            }
            interface Node implements Named { id: ID! }
            union Result = | Book | Author
            enum Color { RED "green" GREEN @deprecated }
            input Filter { tags: [String!] = [] }
            scalar Url @specifiedBy(url: "https://example.com")
            directive @key(fields: String) repeatable on OBJECT | INTERFACE
            schema { query: Query mutation: Mutation }
            """);

        var query = Assert.IsType<ObjectTypeDefinitionNode>(document.Definitions[0]);
        Assert.Equal("The root", query.Description);
        Assert.Equal(["Node", "Named"], query.Interfaces.Select(i => i.Name));
        var search = Assert.Single(query.Fields);
        Assert.Equal("Field doc", search.Description);
        Assert.Equal("[Result!]!", search.Type.ToString());
        Assert.Equal("arg doc", search.Arguments[1].Description);
        Assert.True(Assert.IsType<ObjectTypeDefinitionNode>(document.Definitions[1]).IsInterface);
        Assert.Equal(["Book", "Author"], Assert.IsType<UnionTypeDefinitionNode>(document.Definitions[2]).Types.Select(t => t.Name));
        Assert.Equal("green", Assert.IsType<EnumTypeDefinitionNode>(document.Definitions[3]).Values[1].Description);
        Assert.IsType<InputObjectTypeDefinitionNode>(document.Definitions[4]);
        Assert.IsType<ScalarTypeDefinitionNode>(document.Definitions[5]);
        var directive = Assert.IsType<DirectiveDefinitionNode>(document.Definitions[6]);
        Assert.True(directive.IsRepeatable);
        Assert.Equal(["OBJECT", "INTERFACE"], directive.Locations);
        Assert.Equal(2, Assert.IsType<SchemaDefinitionNode>(document.Definitions[7]).OperationTypes.Count);
    }

    [Fact]
    public void ParsesExtensions()
    {
        var document = Parser.Parse("""
            extend type Query { more: Int }
            extend input Filter { extra: Int }
            extend enum Color { BLUE }
            extend union Result = Magazine
            extend schema @tag { subscription: Subscription }
            """);

        Assert.All(document.Definitions.OfType<TypeDefinitionNode>(), d => Assert.True(d.IsExtension));
        Assert.True(Assert.IsType<SchemaDefinitionNode>(document.Definitions[4]).IsExtension);
    }

    [Fact]
    public void RejectsReservedEnumValueNames()
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("enum E { true }"));

        Assert.Contains("reserved", error.Message);
    }

    [Fact]
    public void RejectsUnknownDirectiveLocations()
    {
        Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("directive @d on NOWHERE"));
    }

    [Fact]
    public void RejectsADescriptionOnAnOperation()
    {
        Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("\"doc\" query { a }"));
    }
}
