using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Validation;

public class ArgumentRulesTests
{
    [Fact]
    public void AcceptsKnownUniqueArguments() => Validate.Passes("{ books(genre: POETRY, first: 2) { id } }");

    [Fact]
    public void RejectsAnUnknownFieldArgument() =>
        Validate.Fails("{ books(author: \"x\") { id } }", "Unknown argument \"author\" on field \"Query.books\".");

    [Fact]
    public void RejectsAnUnknownDirectiveArgument() =>
        Validate.Fails("{ now @skip(if: true, unless: false) }", "Unknown argument \"unless\" on directive \"@skip\".");

    [Fact]
    public void RejectsARepeatedArgument() =>
        Validate.Fails("{ books(first: 1, first: 2) { id } }", "There can be only one argument named \"first\".");

    [Fact]
    public void RejectsAMissingRequiredArgument() =>
        Validate.Fails("{ book { id } }", "Field \"book\" argument \"id\" of type \"ID!\" is required, but it was not provided.");

    [Fact]
    public void RejectsAMissingRequiredDirectiveArgument() =>
        Validate.Fails("{ now @include }", "Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.");

    [Fact]
    public void AcceptsOmittingArgumentsThatHaveDefaultsOrAreNullable() => Validate.Passes("{ books { id } }");
}
