using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Execution;

public class ErrorHandlingTests
{
    [Fact]
    public async Task HidesUnexpectedExceptionsBehindAGenericMessage()
    {
        var response = await Run.Json("{ failing now }");

        Assert.Equal(
            """{"data":{"failing":null,"now":"2024-01-31T10:00:00.005Z"},"errors":[{"message":"Unexpected error.","locations":[{"line":1,"column":3}],"path":["failing"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}""",
            Run.Compact(response));
    }

    [Fact]
    public async Task ReportsGraphQLExceptionsWithTheirCodeAndExtensions()
    {
        var response = await Run.Json("{ forbidden }");

        var error = response.GetProperty("errors")[0];
        Assert.Equal("Not for you.", error.GetProperty("message").GetString());
        Assert.Equal("""{"code":"FORBIDDEN","reason":"role"}""", Run.Compact(error.GetProperty("extensions")));
    }

    [Fact]
    public async Task NullsTheNearestNullableParentWhenANonNullFieldFails()
    {
        var response = await Run.Json("{ now catalog { stats { total_books } } failingNonNull }");

        Assert.Equal("null", Run.Compact(response.GetProperty("data")));
        Assert.Equal(["failingNonNull"], response.GetProperty("errors")[0].GetProperty("path").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task PropagatesANullThroughNonNullListItemsToTheNullableField()
    {
        var schema = Library.Builder(null, ("Author.books", Library.Sync(_ => new object?[] { Library.Books[0], null }))).Build();

        var response = await Run.Json(new Magma.GraphQL.Execution.GraphQLExecutor(schema), """{ book(id: "b1") { title author { name books { id } } } }""");

        Assert.Equal("""{"book":{"title":"The Dispossessed","author":null}}""", Run.Compact(response.GetProperty("data")));
        Assert.Equal(["Cannot return null for non-nullable field Author.books."], Run.Messages(response));
        Assert.Equal("""["book","author","books",1]""", Run.Compact(response.GetProperty("errors")[0].GetProperty("path")));
    }

    [Fact]
    public async Task ReportsAnIntThatDoesNotFitThirtyTwoBitsAsAFieldError()
    {
        var response = await Run.Json("{ hugeNumber now }");

        Assert.Equal("""{"hugeNumber":null,"now":"2024-01-31T10:00:00.005Z"}""", Run.Compact(response.GetProperty("data")));
        Assert.Equal(["Int cannot represent non 32-bit signed integer value: 3000000000"], Run.Messages(response));
    }

    [Fact]
    public async Task OmitsDataWhenTheDocumentDoesNotParse()
    {
        var response = await Run.Json("{ book(id: ) }");

        Assert.False(response.TryGetProperty("data", out _));
        Assert.Equal("GRAPHQL_PARSE_FAILED", Run.FirstCode(response));
        Assert.Equal("""[{"line":1,"column":12}]""", Run.Compact(response.GetProperty("errors")[0].GetProperty("locations")));
    }

    [Fact]
    public async Task OmitsDataWhenTheDocumentDoesNotValidate()
    {
        var response = await Run.Json("{ nope }");

        Assert.False(response.TryGetProperty("data", out _));
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", Run.FirstCode(response));
    }

    [Fact]
    public async Task LetsAnObserverSeeUnexpectedExceptions()
    {
        var seen = new List<(string, IReadOnlyList<object>)>();
        var executor = Library.Executor(new Magma.GraphQL.Execution.GraphQLOptions { UnexpectedErrorObserver = (e, path) => seen.Add((e.Message, path)) });

        await Run.Json(executor, "{ failing }");

        var (message, path) = Assert.Single(seen);
        Assert.Equal("secret connection string", message);
        Assert.Equal(["failing"], path);
    }

    [Fact]
    public async Task ReportsErrorsFromAsyncResolvers()
    {
        var schema = Library.Builder(null, ("Query.forbidden", async _ =>
        {
            await Task.Yield();
            throw new GraphQLException("Sign in first.", ErrorCodes.Unauthenticated);
        })).Build();

        var response = await Run.Json(new Magma.GraphQL.Execution.GraphQLExecutor(schema), "{ forbidden }");

        Assert.Equal("UNAUTHENTICATED", Run.FirstCode(response));
        Assert.Equal("""{"forbidden":null}""", Run.Compact(response.GetProperty("data")));
    }
}
