using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Language;

// Turns source text into tokens, skipping whitespace, commas, comments and the BOM.
internal sealed partial class Lexer(string source)
{
    private int _position;
    private int _line = 1;
    private int _lineStart;

    public Token Next()
    {
        SkipIgnored();
        var location = CurrentLocation();
        if (_position >= source.Length)
            return new Token(TokenKind.EndOfFile, null, location);

        var c = source[_position];
        var punctuator = Punctuator(c);
        if (punctuator is { } kind)
        {
            _position++;
            return new Token(kind, null, location);
        }

        if (c == '.')
            return ReadSpread(location);
        if (IsNameStart(c))
            return ReadName(location);
        if (c == '-' || char.IsAsciiDigit(c))
            return ReadNumber(location);
        if (c == '"')
            return StartsWith("\"\"\"") ? ReadBlockString(location) : ReadString(location);

        throw Error($"Unexpected character: {Printable(_position)}.");
    }

    private static TokenKind? Punctuator(char c) => c switch
    {
        '!' => TokenKind.Bang,
        '$' => TokenKind.Dollar,
        '&' => TokenKind.Ampersand,
        '(' => TokenKind.ParenLeft,
        ')' => TokenKind.ParenRight,
        ':' => TokenKind.Colon,
        '=' => TokenKind.Equals,
        '@' => TokenKind.At,
        '[' => TokenKind.BracketLeft,
        ']' => TokenKind.BracketRight,
        '{' => TokenKind.BraceLeft,
        '|' => TokenKind.Pipe,
        '}' => TokenKind.BraceRight,
        _ => null,
    };

    private void SkipIgnored()
    {
        while (_position < source.Length)
        {
            switch (source[_position])
            {
                case '\uFEFF' or ' ' or '\t' or ',':
                    _position++;
                    break;
                case '\n':
                    NewLine(_position + 1);
                    break;
                case '\r':
                    NewLine(_position + 1 < source.Length && source[_position + 1] == '\n' ? _position + 2 : _position + 1);
                    break;
                case '#':
                    while (_position < source.Length && source[_position] is not ('\n' or '\r'))
                        _position++;
                    break;
                default:
                    return;
            }
        }
    }

    private void NewLine(int next)
    {
        _position = next;
        _line++;
        _lineStart = next;
    }

    private Token ReadSpread(Location location)
    {
        if (!StartsWith("..."))
            throw Error("Unexpected character: \".\".");
        _position += 3;
        return new Token(TokenKind.Spread, null, location);
    }

    private Token ReadName(Location location)
    {
        var start = _position;
        while (_position < source.Length && IsNameContinue(source[_position]))
            _position++;
        return new Token(TokenKind.Name, source[start.._position], location);
    }

    private Token ReadNumber(Location location)
    {
        var start = _position;
        var isFloat = false;
        if (Peek() == '-')
            _position++;
        if (Peek() == '0')
        {
            _position++;
            if (char.IsAsciiDigit(Peek()))
                throw Error($"Invalid number, unexpected digit after 0: {Printable(_position)}.");
        }
        else
        {
            ReadDigits();
        }

        if (Peek() == '.')
        {
            isFloat = true;
            _position++;
            ReadDigits();
        }

        if (Peek() is 'e' or 'E')
        {
            isFloat = true;
            _position++;
            if (Peek() is '+' or '-')
                _position++;
            ReadDigits();
        }

        if (Peek() == '.' || IsNameStart(Peek()))
            throw Error($"Invalid number, expected digit but got: {Printable(_position)}.");
        return new Token(isFloat ? TokenKind.Float : TokenKind.Int, source[start.._position], location);
    }

    private void ReadDigits()
    {
        if (!char.IsAsciiDigit(Peek()))
            throw Error($"Invalid number, expected digit but got: {Printable(_position)}.");
        while (char.IsAsciiDigit(Peek()))
            _position++;
    }

    private char Peek(int offset = 0) =>
        _position + offset < source.Length ? source[_position + offset] : '\0';

    private bool StartsWith(string text) => string.CompareOrdinal(source, _position, text, 0, text.Length) == 0;

    private Location CurrentLocation() => new(_line, _position - _lineStart + 1);

    private string Printable(int index) =>
        index >= source.Length ? "<EOF>"
        : source[index] is >= ' ' and < '\u007f' && source[index] != '"' ? $"\"{source[index]}\""
        : $"U+{(int)source[index]:X4}";

    private GraphQLSyntaxException Error(string message) => new(message, CurrentLocation());

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNameContinue(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
