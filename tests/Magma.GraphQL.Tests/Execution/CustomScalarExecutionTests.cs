using Magma.GraphQL.Execution;
using Magma.GraphQL.Schema;
using Magma.GraphQL.Tests.Schema;
using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Execution;

public class CustomScalarExecutionTests
{
    private static readonly GraphQLExecutor Executor = new(new SchemaBuilder()
        .AddSdl("scalar Url type Query { visit(url: Url!): Url }  type Subscription { ticks: Int }")
        .AddScalar(new UrlScalar())
        .ResolveValue("Query.visit", c => c.Argument<Uri>("url"))
        .Build());

    [Fact]
    public async Task ParsesLiteralsAndVariablesAndSerialisesResultsThroughTheScalar()
    {
        var literal = await Run.Json(Executor, "{ visit(url: \"https://example.com/a\") }");
        var variable = await Run.Json(Executor, "query($u: Url!) { visit(url: $u) }", """{"u":"https://example.com/b"}""");

        Assert.Equal("""{"data":{"visit":"https://example.com/a"}}""", Run.Compact(literal));
        Assert.Equal("""{"data":{"visit":"https://example.com/b"}}""", Run.Compact(variable));
    }

    [Fact]
    public async Task ReportsTheScalarsOwnMessageForABadVariable()
    {
        var response = await Run.Json(Executor, "query($u: Url!) { visit(url: $u) }", """{"u":"relative"}""");

        Assert.Equal(["Variable \"$u\" got invalid value \"relative\"; Url cannot represent \"relative\"."], Run.Messages(response));
    }

    [Fact]
    public async Task ReportsTheScalarsOwnMessageForABadLiteral()
    {
        var response = await Run.Json(Executor, "{ visit(url: \"relative\") }");

        Assert.Equal(["Url cannot represent this literal."], Run.Messages(response));
    }

    [Fact]
    public async Task ParsesButDoesNotExecuteSubscriptions()
    {
        var response = await Run.Json(Executor, "subscription { ticks }");

        Assert.False(response.TryGetProperty("data", out _));
        Assert.Equal(["Subscriptions are not supported."], Run.Messages(response));
    }
}
