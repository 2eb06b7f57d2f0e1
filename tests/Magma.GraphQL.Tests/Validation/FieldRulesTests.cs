using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Validation;

public class FieldRulesTests
{
    [Fact]
    public void AcceptsFieldsThatExistIncludingTypename() =>
        Validate.Passes("{ __typename book(id: 1) { __typename title author { name } } search(text: \"x\") { __typename } }");

    [Fact]
    public void RejectsAFieldTheTypeDoesNotHave() =>
        Validate.Fails("{ book(id: 1) { isbn } }", "Cannot query field \"isbn\" on type \"Book\".");

    [Fact]
    public void RejectsFieldsSelectedDirectlyOnAUnion() =>
        Validate.Fails("{ search(text: \"x\") { title } }", "Cannot query field \"title\" on type \"SearchResult\".");

    [Fact]
    public void AcceptsInterfaceFieldsOnAnInterface() => Validate.Passes("{ node(id: 1) { id } }");

    [Fact]
    public void RejectsASelectionOnALeafField() =>
        Validate.Fails("{ now { hour } }", "Field \"now\" must not have a selection since type \"DateTime\" has no subfields.");

    [Fact]
    public void RejectsACompositeFieldWithoutASelection() =>
        Validate.Fails("{ catalog }", "Field \"catalog\" of type \"Catalog!\" must have a selection of subfields. Did you mean \"catalog { ... }\"?");

    [Fact]
    public void RejectsSchemaIntrospectionOutsideTheQueryRoot() =>
        Validate.Fails("{ catalog { __schema { types { name } } } }", "Cannot query field \"__schema\" on type \"Catalog\".");
}
