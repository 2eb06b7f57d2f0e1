using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Language;

public sealed partial class Parser
{
    private OperationDefinitionNode ParseOperationDefinition()
    {
        var location = _token.Location;
        if (Peek(TokenKind.BraceLeft))
            return new OperationDefinitionNode(location, OperationType.Query, null, [], [], ParseSelectionSet());

        var operation = ParseOperationType();
        var name = Peek(TokenKind.Name) ? ParseName() : null;
        var variables = OptionalMany(TokenKind.ParenLeft, ParseVariableDefinition, TokenKind.ParenRight);
        var directives = ParseDirectives(isConst: false);
        return new OperationDefinitionNode(location, operation, name, variables, directives, ParseSelectionSet());
    }

    private OperationType ParseOperationType()
    {
        var token = Expect(TokenKind.Name);
        return token.Value switch
        {
            "query" => OperationType.Query,
            "mutation" => OperationType.Mutation,
            "subscription" => OperationType.Subscription,
            _ => throw Unexpected(token),
        };
    }

    private VariableDefinitionNode ParseVariableDefinition()
    {
        var location = _token.Location;
        var variable = ParseVariable();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = Skip(TokenKind.Equals) ? ParseValue(isConst: true) : null;
        return new VariableDefinitionNode(location, variable, type, defaultValue, ParseDirectives(isConst: true));
    }

    private VariableNode ParseVariable()
    {
        var location = Expect(TokenKind.Dollar).Location;
        return new VariableNode(location, ParseName());
    }

    private SelectionSetNode ParseSelectionSet()
    {
        Descend();
        var location = _token.Location;
        var selections = Many(TokenKind.BraceLeft, ParseSelection, TokenKind.BraceRight);
        Ascend();
        return new SelectionSetNode(location, selections);
    }

    private SelectionNode ParseSelection() => Peek(TokenKind.Spread) ? ParseFragment() : ParseField();

    private FieldNode ParseField()
    {
        var location = _token.Location;
        var nameOrAlias = ParseName();
        string? alias = null;
        var name = nameOrAlias;
        if (Skip(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }

        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = Peek(TokenKind.BraceLeft) ? ParseSelectionSet() : null;
        return new FieldNode(location, alias, name, arguments, directives, selectionSet);
    }

    private SelectionNode ParseFragment()
    {
        var location = Expect(TokenKind.Spread).Location;
        var hasTypeCondition = SkipKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
            return new FragmentSpreadNode(location, ParseFragmentName(), ParseDirectives(isConst: false));

        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        return new InlineFragmentNode(location, typeCondition, ParseDirectives(isConst: false), ParseSelectionSet());
    }

    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var location = _token.Location;
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        return new FragmentDefinitionNode(location, name, typeCondition, ParseDirectives(isConst: false), ParseSelectionSet());
    }

    private string ParseFragmentName()
    {
        if (_token is { Kind: TokenKind.Name, Value: "on" })
            throw Unexpected();
        return ParseName();
    }
}
