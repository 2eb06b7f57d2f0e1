namespace Magma.Market.Lsps1;

/// <summary>The error codes LSPS0 and LSPS1 define (bLIP-50, bLIP-51); "001" is the integer 1 on the wire.</summary>
public static class Lsps1Codes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    /// <summary>Implementation-defined server error: the LSP cannot serve this order right now.</summary>
    public const int Unavailable = -32000;
    public const int ClientRejected = 1;
    public const int OptionMismatch = 100;
    public const int NotFound = 101;
    public const int InvalidToken = 102;

    public static string MessageOf(int code) => code switch
    {
        ParseError => "Parse error",
        InvalidRequest => "Invalid Request",
        MethodNotFound => "Method not found",
        InvalidParams => "Invalid params",
        ClientRejected => "Client rejected",
        OptionMismatch => "Option mismatch",
        NotFound => "Not found",
        InvalidToken => "Unrecognized or stale token",
        Unavailable => "Service unavailable",
        _ => "Internal error",
    };
}

/// <summary>
/// An LSPS1 error: <see cref="Property"/> is a request field for -32602 and a get_info field for 100, as bLIP-51
/// asks; <see cref="Detail"/> is the human sentence carried in <c>data.message</c>.
/// </summary>
public sealed class Lsps1Exception(int code, string detail, string? property = null) : Exception(detail)
{
    public int Code { get; } = code;

    public string? Property { get; } = property;

    public string Detail { get; } = detail;

    public static Lsps1Exception Field(string property, string detail) => new(Lsps1Codes.InvalidParams, detail, property);

    public static Lsps1Exception Mismatch(string infoField, string detail) => new(Lsps1Codes.OptionMismatch, detail, infoField);
}
