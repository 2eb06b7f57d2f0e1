using Magma.GraphQL.Schema;
using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Schema;

public class SchemaPrinterTests
{
    [Fact]
    public void PrintsSdlThatBuildsTheSameSchemaAgain()
    {
        var printed = Library.Schema.Print();

        var reprinted = new SchemaBuilder().AddSdl(printed).Build().Print();

        Assert.Equal(printed, reprinted);
    }

    [Fact]
    public void LeavesOutBuiltInsAndIntrospectionTypes()
    {
        var printed = Library.Schema.Print();

        Assert.DoesNotContain("__Type", printed);
        Assert.DoesNotContain("scalar String", printed);
        Assert.DoesNotContain("directive @skip", printed);
        Assert.Contains("scalar DateTime", printed);
        Assert.Contains("union SearchResult = Book | Author", printed);
        Assert.Contains("legacy: String @deprecated(reason: \"Use `now`.\")", printed);
        Assert.Contains("HISTORY @deprecated\n", printed);
        Assert.Contains("books(genre: Genre, first: Int = 10): [Book!]!", printed);
    }

    [Fact]
    public void PrintsDescriptionsAsBlockStringsWhenThatIsLossless()
    {
        var schema = new SchemaBuilder().AddSdl("\"\"\"\nTwo\nlines\n\"\"\"\ntype Query { \"  indented\" a: Int \"one\" b: Int }").Build();

        var printed = schema.Print();

        Assert.Contains("\"\"\"\nTwo\nlines\n\"\"\"\ntype Query", printed);
        Assert.Contains("  \"  indented\"\n  a: Int", printed);
        Assert.Contains("  \"\"\"one\"\"\"\n  b: Int", printed);
    }

    [Fact]
    public void PrintsASchemaDefinitionOnlyForUnconventionalRootNames()
    {
        var schema = new SchemaBuilder().AddSdl("schema { query: Root } type Root { a: Int }").Build();

        Assert.StartsWith("schema {\n  query: Root\n}", schema.Print());
        Assert.DoesNotContain("schema {", Library.Schema.Print());
    }

    [Fact]
    public void PrintsCustomDirectivesAndMultiLineArguments()
    {
        var schema = new SchemaBuilder().AddSdl("""
            directive @auth(role: String = "admin") repeatable on FIELD_DEFINITION
            type Query { a("the x" x: Int, y: Int): Int }
            """).Build();

        var printed = schema.Print();

        Assert.Contains("directive @auth(role: String = \"admin\") repeatable on FIELD_DEFINITION", printed);
        Assert.Contains("  a(\n    \"\"\"the x\"\"\"\n    x: Int\n    y: Int\n  ): Int", printed);
    }
}
