using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Language;

/// <summary>
/// Recursive-descent parser for executable documents and SDL. Nesting (selection sets, list and object
/// literals, list types) is bounded so hostile input fails with a syntax error instead of exhausting the stack.
/// </summary>
public sealed partial class Parser
{
    /// <summary>The nesting bound used when none is given.</summary>
    public const int DefaultMaxNestingDepth = 256;

    private readonly Lexer _lexer;
    private readonly int _maxNestingDepth;
    private Token _token;
    private int _depth;

    private Parser(string source, int maxNestingDepth)
    {
        _lexer = new Lexer(source);
        _maxNestingDepth = maxNestingDepth;
        _token = _lexer.Next();
    }

    /// <summary>Parses <paramref name="source"/>; throws <see cref="GraphQLSyntaxException"/> on invalid syntax.</summary>
    public static DocumentNode Parse(string source, int maxNestingDepth = DefaultMaxNestingDepth) =>
        new Parser(source, maxNestingDepth).ParseDocument();

    private DocumentNode ParseDocument()
    {
        var definitions = new List<DefinitionNode>();
        do
        {
            definitions.Add(ParseDefinition());
        }
        while (_token.Kind != TokenKind.EndOfFile);
        return new DocumentNode(definitions);
    }

    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceLeft))
            return ParseOperationDefinition();
        if (Peek(TokenKind.String) || Peek(TokenKind.BlockString))
            return ParseTypeSystemDefinition();
        return (_token.Kind == TokenKind.Name ? _token.Value : null) switch
        {
            "query" or "mutation" or "subscription" => ParseOperationDefinition(),
            "fragment" => ParseFragmentDefinition(),
            "schema" or "scalar" or "type" or "interface" or "union" or "enum" or "input" or "directive" =>
                ParseTypeSystemDefinition(),
            "extend" => ParseTypeSystemExtension(),
            _ => throw Unexpected(),
        };
    }

    private Token Advance()
    {
        var previous = _token;
        _token = _lexer.Next();
        return previous;
    }

    private bool Peek(TokenKind kind) => _token.Kind == kind;

    private bool Skip(TokenKind kind)
    {
        if (_token.Kind != kind)
            return false;
        Advance();
        return true;
    }

    private Token Expect(TokenKind kind)
    {
        if (_token.Kind != kind)
            throw new GraphQLSyntaxException($"Expected {TokenKindText.Describe(kind)}, found {_token.Describe()}.", _token.Location);
        return Advance();
    }

    private void ExpectKeyword(string keyword)
    {
        if (_token.Kind != TokenKind.Name || _token.Value != keyword)
            throw new GraphQLSyntaxException($"Expected \"{keyword}\", found {_token.Describe()}.", _token.Location);
        Advance();
    }

    private bool SkipKeyword(string keyword)
    {
        if (_token.Kind != TokenKind.Name || _token.Value != keyword)
            return false;
        Advance();
        return true;
    }

    private string ParseName() => Expect(TokenKind.Name).Value!;

    private GraphQLSyntaxException Unexpected(Token? token = null)
    {
        var at = token ?? _token;
        return new GraphQLSyntaxException($"Unexpected {at.Describe()}.", at.Location);
    }

    // Parses `open item* close` with at least one item.
    private List<T> Many<T>(TokenKind open, Func<T> item, TokenKind close)
    {
        Expect(open);
        var items = new List<T>();
        do
        {
            items.Add(item());
        }
        while (!Skip(close));
        return items;
    }

    // Parses an optional `open item* close` group, empty when absent.
    private IReadOnlyList<T> OptionalMany<T>(TokenKind open, Func<T> item, TokenKind close) =>
        Peek(open) ? Many(open, item, close) : [];

    private void Descend()
    {
        if (++_depth > _maxNestingDepth)
            throw new GraphQLSyntaxException($"Document exceeds the maximum nesting depth of {_maxNestingDepth}.", _token.Location);
    }

    private void Ascend() => _depth--;
}
