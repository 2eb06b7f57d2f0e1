using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Language;

public sealed partial class Parser
{
    private ValueNode ParseValue(bool isConst)
    {
        var token = _token;
        switch (token.Kind)
        {
            case TokenKind.BracketLeft:
                return ParseList(isConst);
            case TokenKind.BraceLeft:
                return ParseObject(isConst);
            case TokenKind.Int:
                Advance();
                return new IntValueNode(token.Location, token.Value!);
            case TokenKind.Float:
                Advance();
                return new FloatValueNode(token.Location, token.Value!);
            case TokenKind.String or TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                Advance();
                return token.Value switch
                {
                    "true" => new BooleanValueNode(token.Location, true),
                    "false" => new BooleanValueNode(token.Location, false),
                    "null" => new NullValueNode(token.Location),
                    _ => new EnumValueNode(token.Location, token.Value!),
                };
            case TokenKind.Dollar when !isConst:
                return ParseVariable();
            case TokenKind.Dollar:
                Advance();
                throw new GraphQLSyntaxException(
                    $"Unexpected variable \"${(_token.Kind == TokenKind.Name ? _token.Value : "")}\" in constant value.", token.Location);
            default:
                throw Unexpected();
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = Advance();
        return new StringValueNode(token.Location, token.Value!, token.Kind == TokenKind.BlockString);
    }

    private ListValueNode ParseList(bool isConst)
    {
        Descend();
        var location = Expect(TokenKind.BracketLeft).Location;
        var values = new List<ValueNode>();
        while (!Skip(TokenKind.BracketRight))
            values.Add(ParseValue(isConst));
        Ascend();
        return new ListValueNode(location, values);
    }

    private ObjectValueNode ParseObject(bool isConst)
    {
        Descend();
        var location = Expect(TokenKind.BraceLeft).Location;
        var fields = new List<ObjectFieldNode>();
        while (!Skip(TokenKind.BraceRight))
        {
            var fieldLocation = _token.Location;
            var name = ParseName();
            Expect(TokenKind.Colon);
            fields.Add(new ObjectFieldNode(fieldLocation, name, ParseValue(isConst)));
        }

        Ascend();
        return new ObjectValueNode(location, fields);
    }

    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst) =>
        OptionalMany(TokenKind.ParenLeft, () => ParseArgument(isConst), TokenKind.ParenRight);

    private ArgumentNode ParseArgument(bool isConst)
    {
        var location = _token.Location;
        var name = ParseName();
        Expect(TokenKind.Colon);
        return new ArgumentNode(location, name, ParseValue(isConst));
    }

    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
            return [];
        var directives = new List<DirectiveNode>();
        while (Peek(TokenKind.At))
        {
            var location = Advance().Location;
            directives.Add(new DirectiveNode(location, ParseName(), ParseArguments(isConst)));
        }

        return directives;
    }

    private TypeNode ParseTypeReference()
    {
        var location = _token.Location;
        TypeNode type;
        if (Skip(TokenKind.BracketLeft))
        {
            Descend();
            type = new ListTypeNode(location, ParseTypeReference());
            Expect(TokenKind.BracketRight);
            Ascend();
        }
        else
        {
            type = ParseNamedType();
        }

        return Skip(TokenKind.Bang) ? new NonNullTypeNode(location, type) : type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var location = _token.Location;
        return new NamedTypeNode(location, ParseName());
    }
}
