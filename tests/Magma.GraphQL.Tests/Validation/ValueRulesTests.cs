using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Validation;

public class ValueRulesTests
{
    [Fact]
    public void AcceptsLiteralsOfTheRightTypes() =>
        Validate.Passes("{ book(id: 7) { id } books(genre: HISTORY, first: 3) { id } echo(input: { title: \"t\", tags: \"single\", published_at: \"2024-01-01T00:00:00Z\" }) }");

    [Theory]
    [InlineData("{ books(first: \"3\") { id } }", "Int cannot represent non-integer value: \"3\"")]
    [InlineData("{ books(first: 3000000000) { id } }", "Int cannot represent non 32-bit signed integer value: 3000000000")]
    [InlineData("{ books(first: 1.5) { id } }", "Int cannot represent non-integer value: 1.5")]
    [InlineData("{ book(id: 1.5) { id } }", "ID cannot represent a non-string and non-integer value: 1.5")]
    [InlineData("{ book(id: null) { id } }", "Expected value of type \"ID!\", found null.")]
    [InlineData("{ books(genre: \"POETRY\") { id } }", "Enum \"Genre\" cannot represent non-enum value: \"POETRY\".")]
    [InlineData("{ books(genre: NOVEL) { id } }", "Value \"NOVEL\" does not exist in \"Genre\" enum.")]
    [InlineData("{ echo(input: \"t\") }", "Expected value of type \"BookInput\", found \"t\".")]
    [InlineData("{ echo(input: { title: \"t\", isbn: 1 }) }", "Field \"isbn\" is not defined by type \"BookInput\".")]
    [InlineData("{ echo(input: { genre: POETRY }) }", "Field \"BookInput.title\" of required type \"String!\" was not provided.")]
    [InlineData("{ echo(input: { title: \"a\", title: \"b\" }) }", "There can be only one input field named \"title\".")]
    [InlineData("{ echo(input: { title: \"t\", tags: [1] }) }", "String cannot represent a non string value: 1")]
    [InlineData("{ echo(input: { title: \"t\", published_at: \"yesterday\" }) }", "DateTime cannot represent an invalid date-time string: \"yesterday\"")]
    public void RejectsLiteralsOfTheWrongType(string query, string expected) => Validate.Fails(query, expected);

    [Fact]
    public void ChecksVariableDefaultValues() =>
        Validate.Fails("query($first: Int = \"ten\") { books(first: $first) { id } }", "Int cannot represent non-integer value: \"ten\"");
}
