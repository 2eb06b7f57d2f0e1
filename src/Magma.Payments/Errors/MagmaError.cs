namespace Magma.Payments.Errors;

/// <summary>How an error maps onto each protocol: GraphQL extension codes, HTTP statuses, LSPS1 codes.</summary>
public enum ErrorKind
{
    /// <summary>The input is invalid (GraphQL BAD_USER_INPUT, HTTP 400).</summary>
    Validation,
    Unauthenticated,
    Forbidden,
    /// <summary>Missing, or belonging to someone else: never reveal which.</summary>
    NotFound,
    /// <summary>The request conflicts with current state (wrong order status, duplicate in progress).</summary>
    Conflict,
    /// <summary>A payment or invoice operation failed at the Lightning level (LNbits answers 520).</summary>
    PaymentFailed,
    /// <summary>A dependency such as the Lightning node is unreachable.</summary>
    Unavailable,
}

/// <summary>An entry of Magma's one error catalogue: a stable kebab-case code and its kind.</summary>
public sealed record MagmaError(string Code, ErrorKind Kind);

/// <summary>
/// A failure a caller can act on. <see cref="Property"/> names the offending input field when there is one.
/// </summary>
public sealed class MagmaException(MagmaError error, string message, string? property = null) : Exception(message)
{
    public MagmaError Error { get; } = error;

    public string? Property { get; } = property;
}
