using Magma.GraphQL.Language;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Tests.Language;

public class ParserTests
{
    private const string KitchenSink = """
        query Market($id: ID! = "m1", $first: Int = 10, $filter: Filter = { tags: ["a", "b"], min: -1.5e3 }) @trace {
          alias: market(id: $id) {
            ...MarketFields
            ... on Market @include(if: true) { name }
            ... @skip(if: false) { id }
            offers(first: $first, status: OPEN, nothing: null, flag: false, nested: [[1, 2], []]) { id }
          }
        }

        mutation { like(id: 4) }

        fragment MarketFields on Market { id, name # trailing comment
        }
        """;

    [Fact]
    public void ParsesOperationsFragmentsVariablesAndAliases()
    {
        var document = Parser.Parse(KitchenSink);

        Assert.Equal(3, document.Definitions.Count);
        var query = Assert.IsType<OperationDefinitionNode>(document.Definitions[0]);
        Assert.Equal(OperationType.Query, query.Operation);
        Assert.Equal("Market", query.Name);
        Assert.Equal(["id", "first", "filter"], query.VariableDefinitions.Select(v => v.Variable.Name));
        Assert.Equal("ID!", query.VariableDefinitions[0].Type.ToString());
        Assert.Equal("trace", Assert.Single(query.Directives).Name);

        var market = Assert.IsType<FieldNode>(Assert.Single(query.SelectionSet.Selections));
        Assert.Equal(("alias", "market", "alias"), (market.Alias, market.Name, market.ResponseName));
        Assert.IsType<FragmentSpreadNode>(market.SelectionSet!.Selections[0]);
        Assert.Equal("Market", Assert.IsType<InlineFragmentNode>(market.SelectionSet.Selections[1]).TypeCondition!.Name);
        Assert.Null(Assert.IsType<InlineFragmentNode>(market.SelectionSet.Selections[2]).TypeCondition);

        var mutation = Assert.IsType<OperationDefinitionNode>(document.Definitions[1]);
        Assert.Equal(OperationType.Mutation, mutation.Operation);
        Assert.Null(mutation.Name);
        Assert.Equal("Market", Assert.IsType<FragmentDefinitionNode>(document.Definitions[2]).TypeCondition.Name);
    }

    [Fact]
    public void ParsesEveryLiteralKind()
    {
        var document = Parser.Parse(KitchenSink);
        var query = (OperationDefinitionNode)document.Definitions[0];
        var offers = (FieldNode)((FieldNode)query.SelectionSet.Selections[0]).SelectionSet!.Selections[3];

        Assert.IsType<VariableNode>(offers.Arguments[0].Value);
        Assert.Equal("OPEN", Assert.IsType<EnumValueNode>(offers.Arguments[1].Value).Value);
        Assert.IsType<NullValueNode>(offers.Arguments[2].Value);
        Assert.False(Assert.IsType<BooleanValueNode>(offers.Arguments[3].Value).Value);
        Assert.Equal("[[1, 2], []]", ValuePrinter.Print(offers.Arguments[4].Value));
        Assert.Equal("{ tags: [\"a\", \"b\"], min: -1.5e3 }", ValuePrinter.Print(query.VariableDefinitions[2].DefaultValue!));
    }

    [Fact]
    public void ParsesTheQueryShorthand()
    {
        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(Parser.Parse("{ a { b } }").Definitions));

        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Null(operation.Name);
    }

    [Fact]
    public void IgnoresCommasCommentsAndTheByteOrderMark()
    {
        var document = Parser.Parse("\uFEFF# heading\n{ a,,, b # note\n ,c }");

        var fields = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections.Cast<FieldNode>();
        Assert.Equal(["a", "b", "c"], fields.Select(f => f.Name));
    }

    [Fact]
    public void RecordsLineAndColumnOfNodes()
    {
        var document = Parser.Parse("query {\n  first\n    second\n}");

        var selections = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections;
        Assert.Equal(new Location(2, 3), selections[0].Location);
        Assert.Equal(new Location(3, 5), selections[1].Location);
    }

    [Theory]
    [InlineData("{ a", 1, 4, "Expected Name, found <EOF>.")]
    [InlineData("query {\n  a(x: 0x1)\n}", 2, 9, "Invalid number, expected digit but got: \"x\".")]
    [InlineData("{ a(x: 00) }", 1, 9, "Invalid number, unexpected digit after 0: \"0\".")]
    [InlineData("{ a(x: 1.) }", 1, 10, "Invalid number, expected digit but got: \")\".")]
    [InlineData("{ a(x: \"open) }", 1, 16, "Unterminated string.")]
    [InlineData("{ a(x: \"\\q\") }", 1, 9, "Invalid character escape sequence: \"\\q\".")]
    [InlineData("{ a } ?", 1, 7, "Unexpected character: \"?\".")]
    [InlineData("fragment on on T { a }", 1, 10, "Unexpected Name \"on\".")]
    [InlineData("query Q($v: Int = $w) { a }", 1, 19, "Unexpected variable \"$w\" in constant value.")]
    public void ReportsSyntaxErrorsWithTheirLocation(string source, int line, int column, string message)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));

        Assert.Equal("Syntax Error: " + message, error.Message);
        Assert.Equal(new Location(line, column), error.Location);
    }

    [Fact]
    public void BoundsNestingDepthInsteadOfOverflowingTheStack()
    {
        var hostile = string.Concat(Enumerable.Repeat("{a", 100_000)) + new string('}', 100_000);

        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(hostile));

        Assert.Contains("maximum nesting depth of 256", error.Message);
    }

    [Fact]
    public void BoundsNestingOfListLiteralsToo()
    {
        var hostile = "{ a(x: " + new string('[', 50_000) + new string(']', 50_000) + ") }";

        Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(hostile));
    }
}
