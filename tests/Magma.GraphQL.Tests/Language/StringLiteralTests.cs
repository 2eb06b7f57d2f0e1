using Magma.GraphQL.Language;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Tests.Language;

public class StringLiteralTests
{
    private static StringValueNode Literal(string source)
    {
        var operation = (OperationDefinitionNode)Parser.Parse("{ f(s: " + source + ") }").Definitions[0];
        return (StringValueNode)((FieldNode)operation.SelectionSet.Selections[0]).Arguments[0].Value;
    }

    [Fact]
    public void DecodesSimpleEscapes()
    {
        Assert.Equal("quote\" backslash\\ slash/ \b\f\n\r\t", Literal("\"quote\\\" backslash\\\\ slash\\/ \\b\\f\\n\\r\\t\"").Value);
    }

    [Fact]
    public void DecodesUnicodeEscapesIncludingSurrogatePairs()
    {
        Assert.Equal("é😀", Literal("\"\\u00E9\\uD83D\\uDE00\"").Value);
    }

    [Fact]
    public void DecodesBracedUnicodeEscapes()
    {
        Assert.Equal("😀", Literal("\"\\u{1F600}\"").Value);
    }

    [Theory]
    [InlineData("\"\\uD800\"", "\\uD800")]
    [InlineData("\"\\uDE00\"", "\\uDE00")]
    [InlineData("\"\\uD83Dx\"", "\\uD83D")]
    [InlineData("\"\\u12\"", "\\u12\"")]
    public void RejectsInvalidUnicodeEscapes(string source, string shown)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Literal(source));

        Assert.Contains($"Invalid Unicode escape sequence: \"{shown}", error.Message);
    }

    [Fact]
    public void RejectsControlCharactersInsideStrings()
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Literal("\"a\u0001b\""));

        Assert.Contains("Invalid character within String: U+0001.", error.Message);
    }

    [Fact]
    public void RemovesTheCommonIndentationOfBlockStrings()
    {
        var value = Literal("\"\"\"\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  \"\"\"");

        Assert.True(value.IsBlock);
        Assert.Equal("Hello,\n  World!\n\nYours,\n  GraphQL.", value.Value);
    }

    [Fact]
    public void KeepsTheFirstLineOfABlockStringAsWritten()
    {
        Assert.Equal("  first\nsecond", Literal("\"\"\"  first\n    second\"\"\"").Value);
    }

    [Fact]
    public void LeavesEscapesUninterpretedInBlockStringsExceptTripleQuotes()
    {
        Assert.Equal("a \\n \"\"\" b", Literal("\"\"\"a \\n \\\"\"\" b\"\"\"").Value);
    }

    [Fact]
    public void NormalisesBlockStringLineEndings()
    {
        Assert.Equal("one\ntwo\nthree", Literal("\"\"\"\r\n  one\r\n  two\r  three\n\"\"\"").Value);
    }

    [Fact]
    public void CountsLinesInsideBlockStringsForLaterLocations()
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ f(s: \"\"\"\none\ntwo\"\"\") ? }"));

        Assert.Equal(new Location(3, 9), error.Location);
    }

    [Fact]
    public void PrintsStringsWithEscapesThatParseBackToTheSameValue()
    {
        const string original = "line\n\"quoted\" \\ tab\t \u0001";

        var printed = ValuePrinter.PrintString(original);

        Assert.Equal(original, Literal(printed).Value);
    }
}
