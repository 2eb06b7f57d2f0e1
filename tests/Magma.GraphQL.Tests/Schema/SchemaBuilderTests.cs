using Magma.GraphQL.Schema;
using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Schema;

public class SchemaBuilderTests
{
    private static SchemaException BuildFails(params string[] sdl)
    {
        var builder = new SchemaBuilder();
        foreach (var piece in sdl)
            builder.AddSdl(piece);
        return Assert.Throws<SchemaException>(builder.Build);
    }

    [Fact]
    public void MergesSdlPiecesAndExtensions()
    {
        var schema = new SchemaBuilder()
            .AddSdl("type Query { a: Int }  enum Color { RED }  input Filter { x: Int }")
            .AddSdl("extend type Query { b: String }  extend enum Color { GREEN }  extend input Filter { y: Int }")
            .AddSdl("type Mutation { c: Int }  extend type Query { payment: Payment! }  type Payment { ok: Boolean }")
            .Build();

        Assert.Equal(["a", "b", "payment"], schema.QueryType.Fields.Select(f => f.Name));
        Assert.Equal(["RED", "GREEN"], ((EnumType)schema.FindType("Color")!).Values.Select(v => v.Name));
        Assert.Equal(["x", "y"], ((InputObjectType)schema.FindType("Filter")!).Fields.Select(f => f.Name));
        Assert.Equal("Mutation", schema.MutationType!.Name);
    }

    [Fact]
    public void UsesRootTypesNamedByTheSchemaDefinition()
    {
        var schema = new SchemaBuilder().AddSdl("schema { query: Root } type Root { a: Int }").Build();

        Assert.Equal("Root", schema.QueryType.Name);
        Assert.Null(schema.MutationType);
    }

    [Fact]
    public void RejectsAResolverBoundToAMissingField()
    {
        var builder = new SchemaBuilder().AddSdl("type Query { a: Int }").ResolveValue("Query.b", _ => 1);

        var error = Assert.Throws<SchemaException>(builder.Build);

        Assert.Contains("A resolver is bound to \"Query.b\", but the schema has no such field.", error.Errors);
    }

    [Fact]
    public void RejectsBindingTheSameFieldTwice()
    {
        var builder = new SchemaBuilder().AddSdl("type Query { a: Int }").ResolveValue("Query.a", _ => 1).ResolveValue("Query.a", _ => 2);

        Assert.Throws<SchemaException>(builder.Build);
    }

    [Fact]
    public void ReportsSdlSyntaxErrorsWithTheirPosition()
    {
        var error = BuildFails("type Query {\n  a: \n}");

        Assert.Contains(error.Errors, e => e.Contains("line 3, column 1"));
    }

    [Theory]
    [InlineData("type Query { a: Missing }", "Unknown type \"Missing\" referenced by Query.a.")]
    [InlineData("type Query { a: Int a: Int }", "Field \"Query.a\" can only be defined once.")]
    [InlineData("type Query { a: Int } type Query { b: Int }", "There can be only one type named \"Query\".")]
    [InlineData("type Other { a: Int }", "Query root type must be provided.")]
    [InlineData("type Query { a: Int } extend type Ghost { b: Int }", "Cannot extend type \"Ghost\" because it is not defined.")]
    [InlineData("type Query { a: Int } extend input Query { b: Int }", "Cannot extend non-input object type \"Query\".")]
    [InlineData("type Query { a(x: Int = \"no\"): Int }", "Default value \"no\" of Query.a(x:) is not a valid Int.")]
    [InlineData("type Query { a: Filter } input Filter { x: Int }", "The type of Query.a must be Output Type but got: Filter.")]
    [InlineData("type Query { a(x: Query): Int }", "The type of Query.a(x:) must be Input Type but got: Query.")]
    [InlineData("type Query { a: Money } scalar Money", "Scalar \"Money\" has no implementation; register one with AddScalar.")]
    [InlineData("type Query { a: U } union U = Query | Color enum Color { RED }", "Union type U can only include Object types, it cannot include Color.")]
    [InlineData("type Query { a: Int } enum Color { RED RED }", "Enum value \"Color.RED\" can only be defined once.")]
    [InlineData("type Query { __a: Int }", "Name \"Query.__a\" must not begin with \"__\", which is reserved by GraphQL introspection.")]
    [InlineData("type Query { a: Int } query { a }", "SDL may only contain type system definitions; found an executable definition at line 1.")]
    public void RejectsInvalidSdl(string sdl, string expected)
    {
        Assert.Contains(expected, BuildFails(sdl).Errors);
    }

    [Fact]
    public void RejectsAnObjectThatDoesNotImplementItsInterface()
    {
        var error = BuildFails("""
            type Query { node: Node }
            interface Node { id: ID! name(full: Boolean): String }
            type Book implements Node { id: String name: String }
            """);

        Assert.Contains("Interface field Node.id expects type ID! but Book.id is type String.", error.Errors);
        Assert.Contains("Interface field argument Node.name(full:) expected but Book.name does not provide it.", error.Errors);
    }

    [Fact]
    public void AcceptsCovariantInterfaceFieldTypes()
    {
        var schema = new SchemaBuilder().AddSdl("""
            type Query { node: Node }
            interface Node { id: ID related: Node }
            type Book implements Node { id: ID! related: Book }
            """).Build();

        Assert.Equal([schema.FindType("Book")], schema.GetPossibleTypes(schema.FindType("Node")!));
    }

    [Fact]
    public void RegistersDateTimeAndJsonOnlyWhenTheSdlDeclaresThem()
    {
        var without = new SchemaBuilder().AddSdl("type Query { a: Int }").Build();
        var with = new SchemaBuilder().AddSdl("scalar DateTime scalar JSON type Query { a: DateTime b: JSON }").Build();

        Assert.Null(without.FindType("DateTime"));
        Assert.Null(without.FindType("JSON"));
        Assert.IsType<ScalarType>(with.FindType("DateTime"));
        Assert.IsType<ScalarType>(with.FindType("JSON"));
    }

    [Fact]
    public void ReadsDeprecationReasonsAndSpecifiedByUrls()
    {
        var schema = new SchemaBuilder().AddSdl("""
            type Query { a: Int @deprecated b: Int @deprecated(reason: "Use a.") c: Url }
            scalar Url @specifiedBy(url: "https://url.spec.whatwg.org/")
            """).AddScalar(new UrlScalar()).Build();

        Assert.Equal("No longer supported", schema.QueryType.FindField("a")!.DeprecationReason);
        Assert.Equal("Use a.", schema.QueryType.FindField("b")!.DeprecationReason);
        Assert.False(schema.QueryType.FindField("c")!.IsDeprecated);
        Assert.Equal("https://url.spec.whatwg.org/", ((ScalarType)schema.FindType("Url")!).SpecifiedByUrl);
    }

    [Fact]
    public void CoercesDefaultValuesOfNestedInputObjects()
    {
        var schema = new SchemaBuilder().AddSdl("""
            type Query { a(page: Page = {}): Int }
            input Page { size: Int = 20 sort: Sort = { by: NAME } }
            input Sort { by: Field! descending: Boolean = false }
            enum Field { NAME DATE }
            """).Build();

        var page = (IReadOnlyDictionary<string, object?>)schema.QueryType.FindField("a")!.FindArgument("page")!.DefaultValue!;
        var sort = (IReadOnlyDictionary<string, object?>)page["sort"]!;
        Assert.Equal(20, page["size"]);
        Assert.Equal("NAME", sort["by"]);
        Assert.Equal(false, sort["descending"]);
    }

    [Fact]
    public void BuildsTheSharedTestSchema()
    {
        Assert.NotNull(Library.Schema.FindType("Book"));
    }
}
