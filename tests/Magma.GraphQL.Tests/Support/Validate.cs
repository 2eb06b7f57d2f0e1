using Magma.GraphQL.Language;
using Magma.GraphQL.Validation;

namespace Magma.GraphQL.Tests.Support;

/// <summary>Runs the validator over the library schema and returns the error messages.</summary>
public static class Validate
{
    public static IReadOnlyList<string> Errors(string query) =>
        DocumentValidator.Validate(Library.Schema, Parser.Parse(query)).Select(e => e.Message).ToList();

    public static void Passes(string query) => Assert.Empty(Errors(query));

    public static void Fails(string query, string expected) => Assert.Contains(expected, Errors(query));
}
