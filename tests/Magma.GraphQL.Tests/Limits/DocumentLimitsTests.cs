using System.Text;
using Magma.GraphQL.Execution;
using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Limits;

public class DocumentLimitsTests
{
    private static async Task<string> RejectionOf(GraphQLExecutor executor, string query)
    {
        var response = await Run.Json(executor, query);
        Assert.False(response.TryGetProperty("data", out _));
        Assert.NotEmpty(Run.FirstCode(response));
        return Run.Messages(response)[0];
    }

    [Fact]
    public async Task RejectsADocumentLongerThanTheLimit()
    {
        var executor = Library.Executor(new GraphQLOptions { MaxDocumentLength = 20 });

        var message = await RejectionOf(executor, "{ now legacy __typename }");

        Assert.Equal("The document is 25 characters long, more than the maximum of 20.", message);
    }

    [Fact]
    public async Task RejectsAHundredThousandDeepSelectionByLength()
    {
        var hostile = string.Concat(Enumerable.Repeat("{ catalog ", 100_000)) + new string('}', 100_000);

        var message = await RejectionOf(Library.Executor(), hostile);

        Assert.StartsWith("The document is 1100000 characters long", message);
    }

    [Fact]
    public async Task RejectsAHundredThousandDeepSelectionWithoutOverflowingTheStack()
    {
        var executor = Library.Executor(new GraphQLOptions { MaxDocumentLength = 10_000_000 });
        var hostile = string.Concat(Enumerable.Repeat("{ catalog ", 100_000)) + new string('}', 100_000);

        var message = await RejectionOf(executor, hostile);

        Assert.Equal("Syntax Error: Document exceeds the maximum nesting depth of 256.", message);
    }

    [Fact]
    public async Task RejectsAQueryDeeperThanTheLimitCountingFragmentBodies()
    {
        var executor = Library.Executor(new GraphQLOptions { MaxDepth = 4 });
        const string query = """
            { book(id: 1) { ...AuthorBooks } }
            fragment AuthorBooks on Book { author { books { author { name } } } }
            """;

        var message = await RejectionOf(executor, query);

        Assert.Equal("The operation exceeds the maximum depth of 4.", message);
    }

    [Fact]
    public async Task AcceptsAQueryAtTheDepthLimit()
    {
        var executor = Library.Executor(new GraphQLOptions { MaxDepth = 4 });

        var response = await Run.Json(executor, "{ book(id: \"b1\") { author { books { id } } } }");

        Assert.Empty(Run.Messages(response));
    }

    [Fact]
    public async Task RejectsAnAliasBomb()
    {
        var bomb = new StringBuilder("{");
        for (var i = 0; i < 20_000; i++)
            bomb.Append(" a").Append(i).Append(": __typename");
        bomb.Append(" }");

        var message = await RejectionOf(Library.Executor(new GraphQLOptions { MaxDocumentLength = 1_000_000 }), bomb.ToString());

        Assert.Equal("The operation uses 20000 aliases, more than the maximum of 100.", message);
    }

    [Fact]
    public async Task RejectsAnExponentialFragmentFanOutQuickly()
    {
        var query = new StringBuilder("query Bomb { ...F0 }\n");
        for (var i = 0; i < 60; i++)
            query.Append($"fragment F{i} on Query {{ a: catalog {{ __typename }} b: catalog {{ __typename }} ...F{i + 1} x{i}: __typename ...F{i + 1} }}\n");
        query.Append("fragment F60 on Query { __typename }");

        var message = await RejectionOf(Library.Executor(), query.ToString());

        Assert.Equal("Operation \"Bomb\" uses too many aliases, more than the maximum of 100.", message);
    }

    [Fact]
    public async Task RejectsAFanOutOfFieldsEvenWithoutAliases()
    {
        var query = new StringBuilder("{ ...F0 }\n");
        for (var i = 0; i < 30; i++)
            query.Append($"fragment F{i} on Query {{ now ...F{i + 1} ...F{i + 1} }}\n");
        query.Append("fragment F30 on Query { now }");

        var message = await RejectionOf(Library.Executor(), query.ToString());

        Assert.Contains("fields once fragments are expanded, more than the maximum of 5000.", message);
    }

    [Fact]
    public async Task RejectsFragmentsNestedTooDeeply()
    {
        var query = new StringBuilder("{ ...F0 }\n");
        for (var i = 0; i < 150; i++)
            query.Append($"fragment F{i} on Query {{ ...F{i + 1} }}\n");
        query.Append("fragment F150 on Query { now }");

        var message = await RejectionOf(Library.Executor(), query.ToString());

        Assert.Equal("The operation nests fragments more than 100 levels deep.", message);
    }

    [Fact]
    public async Task KeepsTheDocumentCacheWithinItsCapacity()
    {
        var executor = Library.Executor(new GraphQLOptions { DocumentCacheSize = 3 });

        for (var i = 0; i < 10; i++)
            await executor.ExecuteAsync(new GraphQLRequest($"{{ a{i}: now }}"));

        Assert.Equal(3, executor.CachedDocumentCount);
    }

    [Fact]
    public async Task ReusesACachedDocumentWithDifferentVariables()
    {
        var executor = Library.Executor();
        const string query = "query($id: ID!) { book(id: $id) { title } }";

        var first = await Run.Json(executor, query, """{"id":"b1"}""");
        var second = await Run.Json(executor, query, """{"id":"b2"}""");

        Assert.Equal("The Dispossessed", first.GetProperty("data").GetProperty("book").GetProperty("title").GetString());
        Assert.Equal("Always Coming Home", second.GetProperty("data").GetProperty("book").GetProperty("title").GetString());
        Assert.Equal(1, executor.CachedDocumentCount);
    }

    [Fact]
    public async Task ReusesACachedDocumentWhoseSkipDependsOnVariables()
    {
        var executor = Library.Executor();
        const string query = "query($hide: Boolean!) { now @skip(if: $hide) legacy }";

        var shown = await Run.Json(executor, query, """{"hide":false}""");
        var hidden = await Run.Json(executor, query, """{"hide":true}""");

        Assert.True(shown.GetProperty("data").TryGetProperty("now", out _));
        Assert.False(hidden.GetProperty("data").TryGetProperty("now", out _));
    }
}
