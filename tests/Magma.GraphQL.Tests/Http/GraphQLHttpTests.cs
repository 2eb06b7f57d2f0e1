using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Http;

public class GraphQLHttpTests(GraphQLHost host) : IClassFixture<GraphQLHost>
{
    private Task<HttpResponseMessage> Post(string body, string contentType = "application/json") =>
        host.Client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, contentType));

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public async Task AnswersAJsonPostWithData()
    {
        var response = await Post("""{"query":"query($id: ID!) { book(id: $id) { title } }","variables":{"id":"b1"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"data":{"book":{"title":"The Dispossessed"}}}""", Run.Compact(await Json(response)));
    }

    [Fact]
    public async Task AcceptsApolloStyleBodiesWithExtensionsAndTheGraphQLResponseMediaType()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(
                """{"operationName":"Q","query":"query Q { now } query Other { legacy }","variables":null,"extensions":{"persistedQuery":{"version":1}},"id":"x"}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"data":{"now":"2024-01-31T10:00:00.005Z"}}""", Run.Compact(await Json(response)));
    }

    [Fact]
    public async Task AnswersParseErrorsWith200AndNoData()
    {
        var response = await Post("""{"query":"{ book("}""");

        var body = await Json(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Equal("GRAPHQL_PARSE_FAILED", Run.FirstCode(body));
    }

    [Fact]
    public async Task AnswersResolverErrorsWith200AndPartialData()
    {
        var response = await Post("""{"query":"{ failing now }"}""");

        var body = await Json(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("failing").ValueKind);
        Assert.Equal(["Unexpected error."], Run.Messages(body));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"variables":{}}""")]
    [InlineData("""{"query":42}""")]
    [InlineData("""{"query":"{ now }","variables":[1]}""")]
    public async Task RejectsABodyThatIsNotAGraphQLRequestWith400(string body)
    {
        var response = await Post(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await Json(response);
        Assert.Single(Run.Messages(json));
        Assert.Equal("BAD_REQUEST", json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnswersQueriesOverGet()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("query($id: ID!) { book(id: $id) { id } }") + "&variables=" + Uri.EscapeDataString("""{"id":"b2"}""");

        var response = await host.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"book":{"id":"b2"}}}""", Run.Compact(await Json(response)));
    }

    [Fact]
    public async Task RefusesMutationsOverGetWith405()
    {
        var response = await host.Client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { append(value: \"x\") }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["Can only perform a mutation operation from a POST request."], Run.Messages(await Json(response)));
    }

    [Fact]
    public async Task RunsMutationsOverPost()
    {
        var response = await Post("""{"query":"mutation { append(value: \"x\") }"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("x", Run.Compact((await Json(response)).GetProperty("data")));
    }

    [Theory]
    [InlineData("/graphql")]
    [InlineData("/graphql?query=%7Bnow%7D&variables=nope")]
    public async Task RejectsAnIncompleteGetWith400(string url)
    {
        var response = await host.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_REQUEST", (await Json(response)).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ServesThePrintedSchema()
    {
        var response = await host.Client.GetAsync("/graphql/schema.graphql");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Library.Schema.Print(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HandsTheRequestUserContextToResolvers()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ forbidden }"}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-User", "alice");

        var response = await host.Client.SendAsync(request);

        Assert.Equal("""{"data":{"forbidden":"hello alice"}}""", Run.Compact(await Json(response)));
    }
}
