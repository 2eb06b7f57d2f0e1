using Magma.GraphQL.Language;
using Magma.GraphQL.Tests.Support;
using Magma.GraphQL.Validation;

namespace Magma.GraphQL.Tests.Validation;

public class OperationRulesTests
{
    [Fact]
    public void AcceptsUniquelyNamedOperations() =>
        Validate.Passes("query A { now } query B { now } mutation C { append(value: \"x\") }");

    [Fact]
    public void RejectsDuplicateOperationNames() =>
        Validate.Fails("query A { now } query A { now }", "There can be only one operation named \"A\".");

    [Fact]
    public void RejectsAnAnonymousOperationBesideOthers() =>
        Validate.Fails("{ now } query B { now }", "This anonymous operation must be the only defined operation.");

    [Fact]
    public void RejectsTypeSystemDefinitionsInRequests() =>
        Validate.Fails("{ now } type Extra { a: Int }", "The \"Extra\" definition is not executable.");

    [Fact]
    public void RejectsOperationsTheSchemaHasNoRootFor()
    {
        var errors = DocumentValidator.Validate(new Magma.GraphQL.Schema.SchemaBuilder().AddSdl("type Query { a: Int }").Build(), Parser.Parse("mutation { a }"));

        Assert.Contains(errors, e => e.Message == "The schema does not support mutation operations.");
    }

    [Fact]
    public void ReportsValidationErrorsWithLocationsAndTheValidationCode()
    {
        var error = Assert.Single(DocumentValidator.Validate(Library.Schema, Parser.Parse("{\n  nope\n}")));

        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
        Assert.Equal(2, error.Locations[0].Line);
        Assert.Equal(3, error.Locations[0].Column);
    }
}
