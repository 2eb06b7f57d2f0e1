namespace Magma.GraphQL;

/// <summary>The <c>extensions.code</c> values the engine produces, plus common ones for resolvers.</summary>
public static class ErrorCodes
{
    /// <summary>The document is not valid GraphQL syntax.</summary>
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";

    /// <summary>The document does not validate against the schema (or exceeds a limit).</summary>
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";

    /// <summary>Variables or arguments could not be coerced.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>The caller is not signed in.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The caller may not do this.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>The requested thing does not exist.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>The requested operation cannot be run (e.g. unknown <c>operationName</c>).</summary>
    public const string OperationResolutionFailure = "OPERATION_RESOLUTION_FAILURE";

    /// <summary>The HTTP request itself is malformed: no query, a body that is not a JSON object, bad variables.</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>Anything unexpected; the real cause is never shown to the client.</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
}
