using System.Text.Json;
using Magma.GraphQL.Execution;
using Magma.GraphQL.Schema;
using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Execution;

public class OutputCoercionTests
{
    private const string Sdl = """
        scalar DateTime
        scalar JSON
        type Query { value: Row rows: [Row!]! }
        type Row {
          id: ID
          count: Int
          ratio: Float
          name: String
          flag: Boolean
          status: Status
          at: DateTime
          payload: JSON
          created_at: DateTime
          renamed: String
          items: [Int]
        }
        enum Status { OPEN WAITING_FOR_SELLER_APPROVAL }
        """;

    private static async Task<JsonElement> Row(object? row, string selection)
    {
        var schema = new SchemaBuilder().AddSdl(Sdl).ResolveValue("Query.value", _ => row).Build();
        var result = await new GraphQLExecutor(schema).ExecuteAsync(new GraphQLRequest("{ value { " + selection + " } }"));
        return JsonDocument.Parse(result.ToJson()).RootElement.Clone();
    }

    [Fact]
    public async Task MapsSnakeCaseFieldsToPascalCasePropertiesAndHonoursGraphQLName()
    {
        var row = new ClrRow { CreatedAt = new DateTime(2024, 5, 6, 7, 8, 9, 10, DateTimeKind.Utc), Alias = "named" };

        var response = await Row(row, "created_at renamed");

        Assert.Equal("""{"created_at":"2024-05-06T07:08:09.010Z","renamed":"named"}""", Run.Compact(response.GetProperty("data").GetProperty("value")));
    }

    [Fact]
    public async Task SerialisesCSharpEnumsAsUpperSnakeCaseNames()
    {
        var response = await Row(new Dictionary<string, object?> { ["status"] = RowStatus.WaitingForSellerApproval }, "status");

        Assert.Equal("WAITING_FOR_SELLER_APPROVAL", response.GetProperty("data").GetProperty("value").GetProperty("status").GetString());
    }

    [Fact]
    public async Task RejectsAnEnumValueTheSchemaDoesNotHave()
    {
        var response = await Row(new Dictionary<string, object?> { ["status"] = "CLOSED" }, "status");

        Assert.Equal(["Enum \"Status\" cannot represent value: \"CLOSED\""], Run.Messages(response));
    }

    [Fact]
    public async Task SerialisesIdsFromIntegersAsStrings()
    {
        var response = await Row(new Dictionary<string, object?> { ["id"] = 42L }, "id");

        Assert.Equal("42", response.GetProperty("data").GetProperty("value").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ReadsJsonElementsByProperty()
    {
        var row = JsonDocument.Parse("""{"count":3,"ratio":0.25,"name":"n","flag":true,"items":[1,null,3],"payload":{"deep":[1,{"x":null}]}}""").RootElement;

        var response = await Row(row, "count ratio name flag items payload");

        Assert.Equal("""{"count":3,"ratio":0.25,"name":"n","flag":true,"items":[1,null,3],"payload":{"deep":[1,{"x":null}]}}""", Run.Compact(response.GetProperty("data").GetProperty("value")));
    }

    [Fact]
    public async Task PassesArbitraryJsonThroughTheJsonScalar()
    {
        var payload = new Dictionary<string, object?> { ["list"] = new List<object?> { 1, "two", null, true }, ["nested"] = new Dictionary<string, object?> { ["n"] = 1.5 } };

        var response = await Row(new Dictionary<string, object?> { ["payload"] = payload }, "payload");

        Assert.Equal("""{"list":[1,"two",null,true],"nested":{"n":1.5}}""", Run.Compact(response.GetProperty("data").GetProperty("value").GetProperty("payload")));
    }

    [Fact]
    public async Task SerialisesDateTimeOffsetsInUtcWithMilliseconds()
    {
        var at = new DateTimeOffset(2024, 12, 31, 23, 59, 58, 7, TimeSpan.FromHours(-5));

        var response = await Row(new Dictionary<string, object?> { ["at"] = at }, "at");

        Assert.Equal("2025-01-01T04:59:58.007Z", response.GetProperty("data").GetProperty("value").GetProperty("at").GetString());
    }

    [Fact]
    public async Task AwaitsTaskValuedProperties()
    {
        var response = await Row(new AsyncRow(), "name count");

        Assert.Equal("""{"name":"later","count":7}""", Run.Compact(response.GetProperty("data").GetProperty("value")));
    }

    [Fact]
    public async Task CompletesListsFromAnyEnumerable()
    {
        var response = await Row(new Dictionary<string, object?> { ["items"] = Enumerable.Range(1, 3).Select(i => i * 2) }, "items");

        Assert.Equal("[2,4,6]", Run.Compact(response.GetProperty("data").GetProperty("value").GetProperty("items")));
    }

    [Fact]
    public async Task RejectsANonListValueForAListField()
    {
        var response = await Row(new Dictionary<string, object?> { ["items"] = 5 }, "items");

        Assert.Equal(["Expected Iterable, but did not find one for field \"Row.items\"."], Run.Messages(response));
    }

    [Fact]
    public async Task RejectsABooleanForAnIntField()
    {
        var response = await Row(new Dictionary<string, object?> { ["count"] = true }, "count");

        Assert.Equal(["Int cannot represent non-integer value: true"], Run.Messages(response));
    }

    private sealed class ClrRow
    {
        public DateTime CreatedAt { get; init; }

        [GraphQLName("renamed")]
        public string? Alias { get; init; }

        public string Renamed => "wrong property";
    }

    private sealed class AsyncRow
    {
        public Task<string> Name => Task.FromResult("later");

        public ValueTask<int> Count => new(7);
    }

    private enum RowStatus
    {
        Open,
        WaitingForSellerApproval,
    }
}
