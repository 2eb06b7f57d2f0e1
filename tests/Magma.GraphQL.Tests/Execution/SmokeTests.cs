using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Execution;

public class SmokeTests
{
    [Fact]
    public async Task ExecutesANestedQuery()
    {
        var response = await Run.Json("{ book(id: \"b1\") { id title genre pages published_at author { name } } catalog { stats { total_books average_pages } } }");
        Assert.Equal(
            """{"data":{"book":{"id":"b1","title":"The Dispossessed","genre":"SCIENCE_FICTION","pages":387,"published_at":"1974-05-01T12:00:00.000Z","author":{"name":"Ursula K. Le Guin"}},"catalog":{"stats":{"total_books":3,"average_pages":455}}}}""",
            Run.Compact(response));
    }
}
