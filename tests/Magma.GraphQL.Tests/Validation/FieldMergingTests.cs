using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Validation;

public class FieldMergingTests
{
    [Fact]
    public void AcceptsTheSameFieldSelectedTwice() =>
        Validate.Passes("{ book(id: 1) { title title ...T } } fragment T on Book { title author { name } author { id } }");

    [Fact]
    public void RejectsAnAliasNamingTwoDifferentFields() =>
        Validate.Fails("{ book(id: 1) { x: title x: id } }",
            "Fields \"x\" conflict because \"title\" and \"id\" are different fields. Use different aliases on the fields to fetch both if this was intentional.");

    [Fact]
    public void RejectsTheSameFieldWithDifferentArguments() =>
        Validate.Fails("{ books(first: 1) { id } books(first: 2) { id } }",
            "Fields \"books\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.");

    [Fact]
    public void RejectsConflictsHiddenInsideFragments() =>
        Validate.Fails("{ book(id: 1) { ...A ...B } } fragment A on Book { x: title } fragment B on Book { x: pages }",
            "Fields \"x\" conflict because \"title\" and \"pages\" are different fields. Use different aliases on the fields to fetch both if this was intentional.");

    [Fact]
    public void RejectsConflictsInMergedSubselections() =>
        Validate.Fails("{ book(id: 1) { author { n: name } } book(id: 1) { author { n: id } } }",
            "Fields \"n\" conflict because \"name\" and \"id\" are different fields. Use different aliases on the fields to fetch both if this was intentional.");

    [Fact]
    public void AcceptsDifferentFieldsUnderMutuallyExclusiveObjectTypes() =>
        Validate.Passes("{ search(text: \"x\") { ... on Book { label: title } ... on Author { label: name } } }");

    [Fact]
    public void RejectsConflictingShapesEvenUnderExclusiveTypes() =>
        Validate.Fails("{ search(text: \"x\") { ... on Book { v: pages } ... on Author { v: name } } }",
            "Fields \"v\" conflict because they return conflicting types \"Int\" and \"String!\". Use different aliases on the fields to fetch both if this was intentional.");

    [Fact]
    public void RejectsDifferentFieldsWhenAParentIsAbstract() =>
        Validate.Fails("{ node(id: 1) { x: id ... on Book { x: title } } }",
            "Fields \"x\" conflict because \"id\" and \"title\" are different fields. Use different aliases on the fields to fetch both if this was intentional.");
}
