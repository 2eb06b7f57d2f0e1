using System.Globalization;
using System.Text;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Language;

internal sealed partial class Lexer
{
    private Token ReadString(Location location)
    {
        _position++;
        var builder = new StringBuilder();
        while (_position < source.Length)
        {
            var c = source[_position];
            if (c == '"')
            {
                _position++;
                return new Token(TokenKind.String, builder.ToString(), location);
            }

            if (c is '\n' or '\r')
                break;
            if (c == '\\')
            {
                ReadEscape(builder);
                continue;
            }

            if (c < ' ' && c != '\t')
                throw Error($"Invalid character within String: {Printable(_position)}.");
            builder.Append(c);
            _position++;
        }

        throw Error("Unterminated string.");
    }

    private void ReadEscape(StringBuilder builder)
    {
        var escaped = Peek(1);
        var simple = escaped switch
        {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => (char?)null,
        };
        if (simple is { } value)
        {
            builder.Append(value);
            _position += 2;
            return;
        }

        if (escaped != 'u')
            throw Error($"Invalid character escape sequence: \"\\{escaped}\".");
        builder.Append(char.ConvertFromUtf32(ReadUnicodeEscape()));
    }

    private int ReadUnicodeEscape()
    {
        var start = _position;
        if (Peek(2) == '{')
            return ReadBracedUnicodeEscape(start);

        var code = ReadHex4(_position + 2) ?? throw InvalidUnicode(start, 6);
        _position += 6;
        if (char.IsLowSurrogate((char)code))
            throw InvalidUnicode(start, 6);
        if (!char.IsHighSurrogate((char)code))
            return code;

        // A leading surrogate only makes sense when its trailing half follows as another \u escape.
        var trailing = Peek() == '\\' && Peek(1) == 'u' ? ReadHex4(_position + 2) : null;
        if (trailing is not { } low || !char.IsLowSurrogate((char)low))
            throw InvalidUnicode(start, 6);
        _position += 6;
        return char.ConvertToUtf32((char)code, (char)low);
    }

    private int ReadBracedUnicodeEscape(int start)
    {
        var close = source.IndexOf('}', start + 3);
        if (close < 0 || close - start - 3 is < 1 or > 6 ||
            !int.TryParse(source.AsSpan(start + 3, close - start - 3), NumberStyles.AllowHexSpecifier, null, out var code) ||
            code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
        {
            throw InvalidUnicode(start, Math.Max(close - start + 1, 3));
        }

        _position = close + 1;
        return code;
    }

    private int? ReadHex4(int at) =>
        at + 4 <= source.Length &&
        int.TryParse(source.AsSpan(at, 4), NumberStyles.AllowHexSpecifier, null, out var code)
            ? code
            : null;

    private GraphQLSyntaxException InvalidUnicode(int start, int length)
    {
        var text = source.Substring(start, Math.Min(length, source.Length - start));
        return new GraphQLSyntaxException($"Invalid Unicode escape sequence: \"{text}\".", new Location(_line, start - _lineStart + 1));
    }

    private Token ReadBlockString(Location location)
    {
        _position += 3;
        var raw = new StringBuilder();
        while (_position < source.Length)
        {
            if (StartsWith("\"\"\""))
            {
                _position += 3;
                return new Token(TokenKind.BlockString, BlockStringValue.Dedent(raw.ToString()), location);
            }

            if (StartsWith("\\\"\"\""))
            {
                raw.Append("\"\"\"");
                _position += 4;
                continue;
            }

            var c = source[_position];
            if (c is '\n' or '\r')
            {
                var next = c == '\r' && Peek(1) == '\n' ? _position + 2 : _position + 1;
                raw.Append(source, _position, next - _position);
                NewLine(next);
                continue;
            }

            if (c < ' ' && c != '\t')
                throw Error($"Invalid character within String: {Printable(_position)}.");
            raw.Append(c);
            _position++;
        }

        throw Error("Unterminated string.");
    }
}
