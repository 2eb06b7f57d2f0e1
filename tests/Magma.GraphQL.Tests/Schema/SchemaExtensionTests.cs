using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Tests.Schema;

public class SchemaExtensionTests
{
    [Fact]
    public void AddsRootTypesThroughExtendSchema()
    {
        var schema = new SchemaBuilder()
            .AddSdl("schema { query: Root } type Root { a: Int }")
            .AddSdl("type Changes { b: Int } extend schema { mutation: Changes }")
            .Build();

        Assert.Equal("Changes", schema.MutationType!.Name);
    }

    [Fact]
    public void AcceptsInterfacesThatImplementInterfaces()
    {
        var schema = new SchemaBuilder().AddSdl("""
            type Query { resource: Resource }
            interface Node { id: ID! }
            interface Resource implements Node { id: ID! url: String }
            type Image implements Resource & Node { id: ID! url: String width: Int }
            """).Build();

        Assert.True(schema.IsPossibleType(schema.FindType("Node")!, (ObjectType)schema.FindType("Image")!));
    }

    [Fact]
    public void RejectsAnObjectMissingATransitiveInterface()
    {
        var builder = new SchemaBuilder().AddSdl("""
            type Query { resource: Resource }
            interface Node { id: ID! }
            interface Resource implements Node { id: ID! }
            type Image implements Resource { id: ID! }
            """);

        var error = Assert.Throws<SchemaException>(builder.Build);

        Assert.Contains("Type Image must implement Node because it is implemented by Resource.", error.Errors);
    }

    [Fact]
    public void AddsMembersToAUnionThroughAnExtension()
    {
        var schema = new SchemaBuilder().AddSdl("type Query { r: R } type A { a: Int } type B { b: Int } union R = A extend union R = B").Build();

        Assert.Equal(["A", "B"], ((UnionType)schema.FindType("R")!).Types.Select(t => t.Name));
    }
}
