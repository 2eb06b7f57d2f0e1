using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Validation;

public class FragmentRulesTests
{
    [Fact]
    public void AcceptsWellFormedFragments() => Validate.Passes("""
        { search(text: "x") { ...Titles ... on Author { name } } node(id: 1) { ...on Book { title } } }
        fragment Titles on SearchResult { ... on Book { title } }
        """);

    [Fact]
    public void RejectsDuplicateFragmentNames() =>
        Validate.Fails("{ ...F } fragment F on Query { now } fragment F on Query { now }", "There can be only one fragment named \"F\".");

    [Fact]
    public void RejectsAnUnknownTypeCondition() =>
        Validate.Fails("{ ... on Magazine { id } }", "Unknown type \"Magazine\".");

    [Fact]
    public void RejectsAFragmentOnALeafType() =>
        Validate.Fails("{ ...F } fragment F on Genre { x }", "Fragment \"F\" cannot condition on non composite type \"Genre\".");

    [Fact]
    public void RejectsAnInlineFragmentOnALeafType() =>
        Validate.Fails("{ book(id: 1) { ... on String { x } } }", "Fragment cannot condition on non composite type \"String\".");

    [Fact]
    public void RejectsAnUnusedFragment() =>
        Validate.Fails("{ now } fragment Lonely on Query { now }", "Fragment \"Lonely\" is never used.");

    [Fact]
    public void RejectsASpreadOfAnUndefinedFragment() => Validate.Fails("{ ...Ghost }", "Unknown fragment \"Ghost\".");

    [Fact]
    public void RejectsASpreadThatCanNeverApply() =>
        Validate.Fails("{ book(id: 1) { ...A } } fragment A on Author { name }",
            "Fragment \"A\" cannot be spread here as objects of type \"Book\" can never be of type \"Author\".");

    [Fact]
    public void RejectsAnInlineFragmentThatCanNeverApply() =>
        Validate.Fails("{ book(id: 1) { ... on Author { name } } }",
            "Fragment cannot be spread here as objects of type \"Book\" can never be of type \"Author\".");

    [Fact]
    public void AcceptsSpreadsBetweenOverlappingAbstractTypes() =>
        Validate.Passes("{ node(id: 1) { ... on SearchResult { __typename } } }");

    [Fact]
    public void RejectsAFragmentThatSpreadsItself() =>
        Validate.Fails("{ ...F } fragment F on Query { ...F }", "Cannot spread fragment \"F\" within itself.");

    [Fact]
    public void RejectsAFragmentCycle()
    {
        var errors = Validate.Errors("""
            { ...A }
            fragment A on Query { catalog { ...B } }
            fragment B on Catalog { stats { ...C } }
            fragment C on Stats { ...D }
            fragment D on Stats { total_books ...C }
            """);

        Assert.Contains("Cannot spread fragment \"C\" within itself via \"D\".", errors);
    }

    [Fact]
    public void RejectsAMutualFragmentCycleOnce()
    {
        var errors = Validate.Errors("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }");

        Assert.Equal(["Cannot spread fragment \"A\" within itself via \"B\"."], errors);
    }
}
