using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Language;

internal readonly record struct Token(TokenKind Kind, string? Value, Location Location)
{
    public string Describe() => Kind switch
    {
        TokenKind.Name => $"Name \"{Value}\"",
        TokenKind.Int or TokenKind.Float => $"{TokenKindText.Describe(Kind)} \"{Value}\"",
        TokenKind.String or TokenKind.BlockString => TokenKindText.Describe(Kind),
        _ => TokenKindText.Describe(Kind),
    };
}
