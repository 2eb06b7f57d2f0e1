using Magma.GraphQL.Execution;
using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Execution;

public class QueryExecutionTests
{
    [Fact]
    public async Task ExecutesANestedQueryThroughDefaultAndBoundResolvers()
    {
        var response = await Run.Json("{ book(id: \"b1\") { id title genre pages published_at author { name } } catalog { stats { total_books average_pages } } }");

        Assert.Equal(
            """{"data":{"book":{"id":"b1","title":"The Dispossessed","genre":"SCIENCE_FICTION","pages":387,"published_at":"1974-05-01T12:00:00.000Z","author":{"name":"Ursula K. Le Guin"}},"catalog":{"stats":{"total_books":3,"average_pages":455}}}}""",
            Run.Compact(response));
    }

    [Fact]
    public async Task KeysResultsByAliasInSelectionOrder()
    {
        var response = await Run.Json("{ second: book(id: \"b2\") { t: title } first: book(id: \"b1\") { title t: title } }");

        Assert.Equal("""{"data":{"second":{"t":"Always Coming Home"},"first":{"title":"The Dispossessed","t":"The Dispossessed"}}}""", Run.Compact(response));
    }

    [Fact]
    public async Task MergesFieldsFromFragmentsIntoTheirFirstPosition()
    {
        var response = await Run.Json("""
            { book(id: "b1") { id ...Details ... on Book { title pages } } }
            fragment Details on Book { title author { name } author { id } }
            """);

        Assert.Equal("""{"data":{"book":{"id":"b1","title":"The Dispossessed","author":{"name":"Ursula K. Le Guin","id":"a1"},"pages":387}}}""", Run.Compact(response));
    }

    [Fact]
    public async Task ResolvesUnionsAndInterfacesByClrTypeName()
    {
        var response = await Run.Json("""
            { search(text: "x") { __typename ... on Book { title } ... on Author { name } }
              node(id: "a1") { __typename id ... on Author { name } } }
            """);

        var search = response.GetProperty("data").GetProperty("search");
        Assert.Equal(["Book", "Book", "Book", "Author"], search.EnumerateArray().Select(r => r.GetProperty("__typename").GetString()));
        Assert.Equal("Ursula K. Le Guin", search[3].GetProperty("name").GetString());
        Assert.Equal("""{"__typename":"Author","id":"a1","name":"Ursula K. Le Guin"}""", Run.Compact(response.GetProperty("data").GetProperty("node")));
    }

    [Fact]
    public async Task AnswersTypenameOnRootTypes()
    {
        Assert.Equal("""{"data":{"__typename":"Query"}}""", Run.Compact(await Run.Json("{ __typename }")));
        Assert.Equal("""{"data":{"__typename":"Mutation"}}""", Run.Compact(await Run.Json("mutation { __typename }")));
    }

    [Fact]
    public async Task SkipsAndIncludesFieldsAndFragments()
    {
        const string query = """
            query($yes: Boolean!, $no: Boolean!) {
              a: now @skip(if: $yes)
              b: now @include(if: $yes)
              c: now @include(if: $no)
              ... @skip(if: $no) { d: now }
              ...F @include(if: $no)
              e: now @skip(if: false) @include(if: true)
            }
            fragment F on Query { f: now }
            """;

        var response = await Run.Json(query, """{"yes":true,"no":false}""");

        var keys = response.GetProperty("data").EnumerateObject().Select(p => p.Name);
        Assert.Equal(["b", "d", "e"], keys);
    }

    [Fact]
    public async Task SelectsTheOperationNamedByOperationName()
    {
        const string document = "query A { a: now } query B { b: legacy }";

        var response = await Run.Json(document, operationName: "B");

        Assert.Equal("""{"data":{"b":null}}""", Run.Compact(response));
    }

    [Theory]
    [InlineData(null, "Must provide operation name if query contains multiple operations.")]
    [InlineData("C", "Unknown operation named \"C\".")]
    public async Task RejectsAMissingOrUnknownOperationName(string? operationName, string message)
    {
        var response = await Run.Json("query A { now } query B { now }", operationName: operationName);

        Assert.False(response.TryGetProperty("data", out _));
        Assert.Equal([message], Run.Messages(response));
    }

    [Fact]
    public async Task PassesTheUserContextAndSelectedFieldNamesToResolvers()
    {
        object? seenUser = null;
        IReadOnlyList<string>? seenSelection = null;
        var schema = Library.Builder(null, ("Query.catalog", Library.Sync(c =>
        {
            seenUser = c.UserContext;
            seenSelection = c.SelectedFieldNames;
            return new object();
        }))).Build();
        var user = new { Account = "alice" };

        await new GraphQLExecutor(schema).ExecuteAsync(new GraphQLRequest("{ catalog { __typename ...S } } fragment S on Catalog { stats { total_books } }"), user);

        Assert.Same(user, seenUser);
        Assert.Equal(["__typename", "stats"], seenSelection!.Order());
    }

    [Fact]
    public async Task ExposesTheResponsePathToResolvers()
    {
        IReadOnlyList<object>? path = null;
        var schema = Library.Builder(null, ("Author.books", Library.Sync(c =>
        {
            path = c.Path;
            return Library.Books;
        }))).Build();

        await new GraphQLExecutor(schema).ExecuteAsync(new GraphQLRequest("{ books { author { books { id } } } }"));

        Assert.Equal(["books", 2, "author", "books"], path);
    }

    [Fact]
    public async Task RunsRootQueryFieldsConcurrentlyWhenAllowed()
    {
        var gate = new TaskCompletionSource();
        var schema = new Magma.GraphQL.Schema.SchemaBuilder()
            .AddSdl("type Query { first: Int second: Int }")
            .Resolve("Query.first", async _ =>
            {
                await gate.Task.WaitAsync(TimeSpan.FromSeconds(10));
                return 1;
            })
            .ResolveValue("Query.second", _ =>
            {
                gate.SetResult();
                return 2;
            })
            .Build();

        var result = await new GraphQLExecutor(schema, new GraphQLOptions { ParallelQueries = true }).ExecuteAsync(new GraphQLRequest("{ first second }"));

        Assert.Equal("""{"data":{"first":1,"second":2}}""", result.ToJson());
    }
}
