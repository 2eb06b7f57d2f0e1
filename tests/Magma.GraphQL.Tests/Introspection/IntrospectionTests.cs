using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Introspection;

public class IntrospectionTests
{
    [Fact]
    public async Task DescribesATypeWithItsFieldsArgumentsAndInterfaces()
    {
        var response = await Run.Json("""
            { __type(name: "Book") { kind name interfaces { name } fields { name type { kind name ofType { kind name } } } } }
            """);

        var type = response.GetProperty("data").GetProperty("__type");
        Assert.Equal("OBJECT", type.GetProperty("kind").GetString());
        Assert.Equal("""[{"name":"Node"}]""", Run.Compact(type.GetProperty("interfaces")));
        Assert.Equal("""{"name":"id","type":{"kind":"NON_NULL","name":null,"ofType":{"kind":"SCALAR","name":"ID"}}}""", Run.Compact(type.GetProperty("fields")[0]));
    }

    [Fact]
    public async Task AnswersNullForAnUnknownTypeName()
    {
        Assert.Equal("""{"data":{"__type":null}}""", Run.Compact(await Run.Json("{ __type(name: \"Nope\") { name } }")));
    }

    [Fact]
    public async Task HidesDeprecatedMembersUnlessAskedFor()
    {
        var response = await Run.Json("""
            { query: __type(name: "Query") { visible: fields { name } all: fields(includeDeprecated: true) { name isDeprecated deprecationReason } }
              genre: __type(name: "Genre") { visible: enumValues { name } all: enumValues(includeDeprecated: true) { name isDeprecated deprecationReason } } }
            """);

        var data = response.GetProperty("data");
        Assert.DoesNotContain("legacy", data.GetProperty("query").GetProperty("visible").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        var legacy = data.GetProperty("query").GetProperty("all").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "legacy");
        Assert.Equal("""{"name":"legacy","isDeprecated":true,"deprecationReason":"Use `now`."}""", Run.Compact(legacy));
        Assert.Equal(2, data.GetProperty("genre").GetProperty("visible").GetArrayLength());
        Assert.Equal("""{"name":"HISTORY","isDeprecated":true,"deprecationReason":"No longer supported"}""", Run.Compact(data.GetProperty("genre").GetProperty("all")[2]));
    }

    [Fact]
    public async Task PrintsDefaultValuesAsGraphQLLiterals()
    {
        var response = await Run.Json("""
            { input: __type(name: "BookInput") { inputFields { name defaultValue } }
              query: __type(name: "Query") { fields { name args { name defaultValue } } } }
            """);

        var inputFields = response.GetProperty("data").GetProperty("input").GetProperty("inputFields");
        Assert.Equal("POETRY", inputFields[1].GetProperty("defaultValue").GetString());
        var books = response.GetProperty("data").GetProperty("query").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "books");
        Assert.Equal("""[{"name":"genre","defaultValue":null},{"name":"first","defaultValue":"10"}]""", Run.Compact(books.GetProperty("args")));
    }

    [Fact]
    public async Task ListsPossibleTypesOfUnionsAndInterfaces()
    {
        var response = await Run.Json("""{ u: __type(name: "SearchResult") { possibleTypes { name } } i: __type(name: "Node") { kind possibleTypes { name } } }""");

        Assert.Equal("""{"u":{"possibleTypes":[{"name":"Book"},{"name":"Author"}]},"i":{"kind":"INTERFACE","possibleTypes":[{"name":"Book"},{"name":"Author"}]}}""", Run.Compact(response.GetProperty("data")));
    }

    [Fact]
    public async Task DescribesTheBuiltInDirectives()
    {
        var response = await Run.Json("{ __schema { directives { name isRepeatable locations args { name type { kind } defaultValue } } } }");

        var directives = response.GetProperty("data").GetProperty("__schema").GetProperty("directives").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!);
        Assert.Equal(["skip", "include", "deprecated", "specifiedBy"], directives.Keys);
        Assert.Equal("""["FIELD","FRAGMENT_SPREAD","INLINE_FRAGMENT"]""", Run.Compact(directives["skip"].GetProperty("locations")));
        Assert.Equal("\"No longer supported\"", directives["deprecated"].GetProperty("args")[0].GetProperty("defaultValue").GetString());
        Assert.False(directives["include"].GetProperty("isRepeatable").GetBoolean());
    }

    [Fact]
    public async Task DescribesTheSchemaRootsAndScalars()
    {
        var response = await Run.Json("""
            { __schema { queryType { name } mutationType { name } subscriptionType { name } }
              dt: __type(name: "DateTime") { kind description specifiedByURL } }
            """);

        Assert.Equal(
            """{"__schema":{"queryType":{"name":"Query"},"mutationType":{"name":"Mutation"},"subscriptionType":null},"dt":{"kind":"SCALAR","description":"An instant in UTC.","specifiedByURL":"https://scalars.graphql.org/andimarek/date-time"}}""",
            Run.Compact(response.GetProperty("data")));
    }
}
