using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Language;

public sealed partial class Parser
{
    private DefinitionNode ParseTypeSystemDefinition()
    {
        var location = _token.Location;
        var description = ParseDescription();
        return ParseTypeSystemBody(location, description, isExtension: false);
    }

    private DefinitionNode ParseTypeSystemExtension()
    {
        var location = _token.Location;
        ExpectKeyword("extend");
        if (_token is { Kind: TokenKind.Name, Value: "directive" })
            throw Unexpected();
        return ParseTypeSystemBody(location, null, isExtension: true);
    }

    private DefinitionNode ParseTypeSystemBody(Location location, string? description, bool isExtension)
    {
        var keyword = Expect(TokenKind.Name);
        switch (keyword.Value)
        {
            case "schema":
                return ParseSchemaDefinition(location, description, isExtension);
            case "scalar":
                return new ScalarTypeDefinitionNode(location, description, ParseName(), ParseDirectives(isConst: true), isExtension);
            case "type" or "interface":
            {
                var name = ParseName();
                var interfaces = ParseImplementsInterfaces();
                var directives = ParseDirectives(isConst: true);
                var fields = OptionalMany(TokenKind.BraceLeft, ParseFieldDefinition, TokenKind.BraceRight);
                return new ObjectTypeDefinitionNode(
                    location, description, name, keyword.Value == "interface", interfaces, directives, fields, isExtension);
            }
            case "union":
            {
                var name = ParseName();
                var directives = ParseDirectives(isConst: true);
                return new UnionTypeDefinitionNode(location, description, name, directives, ParseUnionMembers(), isExtension);
            }
            case "enum":
            {
                var name = ParseName();
                var directives = ParseDirectives(isConst: true);
                var values = OptionalMany(TokenKind.BraceLeft, ParseEnumValueDefinition, TokenKind.BraceRight);
                return new EnumTypeDefinitionNode(location, description, name, directives, values, isExtension);
            }
            case "input":
            {
                var name = ParseName();
                var directives = ParseDirectives(isConst: true);
                var fields = OptionalMany(TokenKind.BraceLeft, ParseInputValueDefinition, TokenKind.BraceRight);
                return new InputObjectTypeDefinitionNode(location, description, name, directives, fields, isExtension);
            }
            case "directive" when !isExtension:
                return ParseDirectiveDefinition(location, description);
            default:
                throw Unexpected(keyword);
        }
    }

    private string? ParseDescription() =>
        Peek(TokenKind.String) || Peek(TokenKind.BlockString) ? ParseStringLiteral().Value : null;

    private SchemaDefinitionNode ParseSchemaDefinition(Location location, string? description, bool isExtension)
    {
        var directives = ParseDirectives(isConst: true);
        IReadOnlyList<OperationTypeDefinitionNode> operationTypes = isExtension
            ? OptionalMany(TokenKind.BraceLeft, ParseOperationTypeDefinition, TokenKind.BraceRight)
            : Many(TokenKind.BraceLeft, ParseOperationTypeDefinition, TokenKind.BraceRight);
        return new SchemaDefinitionNode(location, description, directives, operationTypes, isExtension);
    }

    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var location = _token.Location;
        var operation = ParseOperationType();
        Expect(TokenKind.Colon);
        return new OperationTypeDefinitionNode(location, operation, ParseNamedType());
    }

    private List<NamedTypeNode> ParseImplementsInterfaces()
    {
        var interfaces = new List<NamedTypeNode>();
        if (!SkipKeyword("implements"))
            return interfaces;
        Skip(TokenKind.Ampersand);
        do
        {
            interfaces.Add(ParseNamedType());
        }
        while (Skip(TokenKind.Ampersand));
        return interfaces;
    }

    private List<NamedTypeNode> ParseUnionMembers()
    {
        var members = new List<NamedTypeNode>();
        if (!Skip(TokenKind.Equals))
            return members;
        Skip(TokenKind.Pipe);
        do
        {
            members.Add(ParseNamedType());
        }
        while (Skip(TokenKind.Pipe));
        return members;
    }

    private FieldDefinitionNode ParseFieldDefinition()
    {
        var location = _token.Location;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = OptionalMany(TokenKind.ParenLeft, ParseInputValueDefinition, TokenKind.ParenRight);
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        return new FieldDefinitionNode(location, description, name, arguments, type, ParseDirectives(isConst: true));
    }

    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var location = _token.Location;
        var description = ParseDescription();
        var name = ParseName();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = Skip(TokenKind.Equals) ? ParseValue(isConst: true) : null;
        return new InputValueDefinitionNode(location, description, name, type, defaultValue, ParseDirectives(isConst: true));
    }

    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var location = _token.Location;
        var description = ParseDescription();
        if (_token is { Kind: TokenKind.Name, Value: "true" or "false" or "null" })
            throw new GraphQLSyntaxException($"{_token.Describe()} is reserved and cannot be used for an enum value.", _token.Location);
        var name = ParseName();
        return new EnumValueDefinitionNode(location, description, name, ParseDirectives(isConst: true));
    }

    private DirectiveDefinitionNode ParseDirectiveDefinition(Location location, string? description)
    {
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = OptionalMany(TokenKind.ParenLeft, ParseInputValueDefinition, TokenKind.ParenRight);
        var repeatable = SkipKeyword("repeatable");
        ExpectKeyword("on");
        Skip(TokenKind.Pipe);
        var locations = new List<string>();
        do
        {
            var token = Expect(TokenKind.Name);
            if (!DirectiveLocations.IsKnown(token.Value!))
                throw Unexpected(token);
            locations.Add(token.Value!);
        }
        while (Skip(TokenKind.Pipe));
        return new DirectiveDefinitionNode(location, description, name, arguments, repeatable, locations);
    }
}
