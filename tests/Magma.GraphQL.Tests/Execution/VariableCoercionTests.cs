using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Execution;

public class VariableCoercionTests
{
    private const string Echo = "query($input: BookInput) { echo(input: $input) }";

    private static async Task<string> SingleMessage(string query, string variables)
    {
        var response = await Run.Json(query, variables);
        Assert.False(response.TryGetProperty("data", out _));
        Assert.Equal("BAD_USER_INPUT", Run.FirstCode(response));
        return Assert.Single(Run.Messages(response));
    }

    [Fact]
    public async Task CoercesInputObjectsApplyingDefaultsAndSingleValuesToLists()
    {
        var response = await Run.Json(Echo, """{"input":{"title":"T","tags":"solo","published_at":"2024-02-03T04:05:06+01:00"}}""");

        Assert.Equal(
            """{"title":"T","genre":"POETRY","tags":["solo"],"published_at":"2024-02-03T03:05:06+00:00"}""",
            Run.Compact(response.GetProperty("data").GetProperty("echo")));
    }

    [Theory]
    [InlineData("query($n: Int) { books(first: $n) { id } }", """{"n":"x"}""", "Variable \"$n\" got invalid value \"x\"; Int cannot represent non-integer value: \"x\"")]
    [InlineData("query($n: Int) { books(first: $n) { id } }", """{"n":1.5}""", "Variable \"$n\" got invalid value 1.5; Int cannot represent non-integer value: 1.5")]
    [InlineData("query($n: Int) { books(first: $n) { id } }", """{"n":2147483648}""", "Variable \"$n\" got invalid value 2147483648; Int cannot represent non 32-bit signed integer value: 2147483648")]
    [InlineData("query($id: ID!) { book(id: $id) { id } }", """{"id":true}""", "Variable \"$id\" got invalid value true; ID cannot represent value: true")]
    [InlineData("query($id: ID!) { book(id: $id) { id } }", """{}""", "Variable \"$id\" of required type \"ID!\" was not provided.")]
    [InlineData("query($id: ID!) { book(id: $id) { id } }", """{"id":null}""", "Variable \"$id\" of non-null type \"ID!\" must not be null.")]
    [InlineData("query($g: Genre) { books(genre: $g) { id } }", """{"g":"NOVEL"}""", "Variable \"$g\" got invalid value \"NOVEL\"; Value \"NOVEL\" does not exist in \"Genre\" enum.")]
    [InlineData("query($g: Genre) { books(genre: $g) { id } }", """{"g":1}""", "Variable \"$g\" got invalid value 1; Enum \"Genre\" cannot represent non-string value: 1.")]
    [InlineData(Echo, """{"input":{"title":"T","isbn":"1"}}""", "Variable \"$input\" got invalid value {\"title\":\"T\",\"isbn\":\"1\"}; Field \"isbn\" is not defined by type \"BookInput\".")]
    [InlineData(Echo, """{"input":{"genre":"POETRY"}}""", "Variable \"$input\" got invalid value {\"genre\":\"POETRY\"}; Field \"title\" of required type \"String!\" was not provided.")]
    [InlineData(Echo, """{"input":{"title":"T","tags":["a",null]}}""", "Variable \"$input\" got invalid value null at \"input.tags[1]\"; Expected non-nullable type \"String!\" not to be null.")]
    [InlineData(Echo, """{"input":{"title":"T","tags":[1]}}""", "Variable \"$input\" got invalid value 1 at \"input.tags[0]\"; String cannot represent a non string value: 1")]
    [InlineData(Echo, """{"input":"T"}""", "Variable \"$input\" got invalid value \"T\"; Expected type \"BookInput\" to be an object.")]
    [InlineData(Echo, """{"input":{"title":"T","published_at":"soon"}}""", "Variable \"$input\" got invalid value \"soon\" at \"input.published_at\"; DateTime cannot represent an invalid date-time string: \"soon\"")]
    public async Task ExplainsPreciselyWhyAVariableIsInvalid(string query, string variables, string expected)
    {
        Assert.Equal(expected, await SingleMessage(query, variables));
    }

    [Fact]
    public async Task AcceptsIntegersAsIdsAndSerialisesThemAsStrings()
    {
        var response = await Run.Json("query($id: ID!) { node(id: $id) { id } }", """{"id":1}""");

        Assert.Equal("""{"data":{"node":null}}""", Run.Compact(response));
    }

    [Fact]
    public async Task UsesTheVariableDefaultWhenTheVariableIsOmitted()
    {
        var response = await Run.Json("query($first: Int = 1) { books(first: $first) { id } }", "{}");

        Assert.Equal("""{"data":{"books":[{"id":"b1"}]}}""", Run.Compact(response));
    }

    [Fact]
    public async Task UsesTheArgumentDefaultWhenAnOmittedVariableHasNoDefault()
    {
        var response = await Run.Json("query($first: Int) { books(first: $first) { id } }", "{}");

        Assert.Equal(3, response.GetProperty("data").GetProperty("books").GetArrayLength());
    }

    [Fact]
    public async Task PassesAnExplicitNullThroughToANullableArgument()
    {
        var response = await Run.Json("query($genre: Genre) { books(genre: $genre) { id } }", """{"genre":null}""");

        Assert.Equal(3, response.GetProperty("data").GetProperty("books").GetArrayLength());
    }

    [Fact]
    public async Task CoercesLiteralArgumentsWithVariablesInside()
    {
        var response = await Run.Json("query($t: String!, $g: Genre) { echo(input: { title: $t, genre: $g, tags: [$t] }) }", """{"t":"x"}""");

        Assert.Equal("""{"title":"x","genre":"POETRY","tags":["x"]}""", Run.Compact(response.GetProperty("data").GetProperty("echo")));
    }

    [Fact]
    public async Task IgnoresVariablesTheOperationDoesNotDeclare()
    {
        var response = await Run.Json("{ now }", """{"unrelated":1}""");

        Assert.Equal("""{"data":{"now":"2024-01-31T10:00:00.005Z"}}""", Run.Compact(response));
    }
}
