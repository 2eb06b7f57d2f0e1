using Magma.GraphQL.Tests.Support;

namespace Magma.GraphQL.Tests.Validation;

public class DirectiveRulesTests
{
    [Fact]
    public void AcceptsSkipAndIncludeWhereTheyAreAllowed() =>
        Validate.Passes("query($on: Boolean!) { now @skip(if: $on) ...F @include(if: true) ... @skip(if: false) { now } } fragment F on Query { now }");

    [Fact]
    public void RejectsAnUnknownDirective() => Validate.Fails("{ now @cache }", "Unknown directive \"@cache\".");

    [Fact]
    public void RejectsADirectiveInTheWrongLocation() =>
        Validate.Fails("query @skip(if: true) { now }", "Directive \"@skip\" may not be used on QUERY.");

    [Fact]
    public void RejectsASchemaDirectiveInARequest() =>
        Validate.Fails("{ now @deprecated }", "Directive \"@deprecated\" may not be used on FIELD.");

    [Fact]
    public void RejectsARepeatedNonRepeatableDirective() =>
        Validate.Fails("{ now @skip(if: false) @skip(if: true) }", "The directive \"@skip\" can only be used once at this location.");
}
