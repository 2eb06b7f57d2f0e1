using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Validation;

public class VariableRulesTests
{
    [Fact]
    public void AcceptsDeclaredUsedVariablesInFittingPositions() =>
        Validate.Passes("""
            query($id: ID!, $genre: Genre = POETRY, $first: Int!, $input: BookInput) {
              book(id: $id) { id } books(genre: $genre, first: $first) { id } echo(input: $input) ...F
            }
            fragment F on Query { a: books(first: $first) { id } }
            """);

    [Fact]
    public void RejectsADuplicateVariable() =>
        Validate.Fails("query($a: Int, $a: Int) { books(first: $a) { id } }", "There can be only one variable named \"$a\".");

    [Fact]
    public void RejectsAVariableOfAnOutputType() =>
        Validate.Fails("query($b: Book) { now }", "Variable \"$b\" cannot be non-input type \"Book\".");

    [Fact]
    public void RejectsAVariableOfAnUnknownType() =>
        Validate.Fails("query($b: Bogus) { now }", "Unknown type \"Bogus\".");

    [Fact]
    public void RejectsAnUndefinedVariable() =>
        Validate.Fails("query Q { book(id: $id) { id } }", "Variable \"$id\" is not defined by operation \"Q\".");

    [Fact]
    public void RejectsAVariableUndefinedInAFragmentTheOperationUses() =>
        Validate.Fails("{ ...F } fragment F on Query { book(id: $id) { id } }", "Variable \"$id\" is not defined.");

    [Fact]
    public void RejectsAnUnusedVariable() =>
        Validate.Fails("query Q($unused: Int) { now }", "Variable \"$unused\" is never used in operation \"Q\".");

    [Fact]
    public void RejectsANullableVariableInANonNullPosition() =>
        Validate.Fails("query($id: ID) { book(id: $id) { id } }", "Variable \"$id\" of type \"ID\" used in position expecting type \"ID!\".");

    [Fact]
    public void AcceptsANullableVariableWithADefaultInANonNullPosition() =>
        Validate.Passes("query($id: ID = \"b1\") { book(id: $id) { id } }");

    [Fact]
    public void AcceptsANullableVariableWhereThePositionHasADefault() =>
        Validate.Passes("query($genre: Genre) { echo(input: { title: \"t\", genre: $genre }) }");

    [Fact]
    public void RejectsAVariableOfTheWrongType() =>
        Validate.Fails("query($first: String) { books(first: $first) { id } }", "Variable \"$first\" of type \"String\" used in position expecting type \"Int\".");

    [Fact]
    public void RejectsAListVariableWithNullableItemsInANonNullItemPosition() =>
        Validate.Fails("query($tags: [String]) { echo(input: { title: \"t\", tags: $tags }) }",
            "Variable \"$tags\" of type \"[String]\" used in position expecting type \"[String!]\".");

    [Fact]
    public void AcceptsAVariableAsAListItem() =>
        Validate.Passes("query($tag: String!) { echo(input: { title: \"t\", tags: [$tag, \"x\"] }) }");
}
