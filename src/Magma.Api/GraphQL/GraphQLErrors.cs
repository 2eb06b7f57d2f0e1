using Magma.GraphQL;
using Magma.Payments.Errors;

namespace Magma.Api.GraphQL;

/// <summary>The one mapping from Magma's error catalogue to GraphQL errors (always HTTP 200, code in extensions).</summary>
public static class GraphQLErrors
{
    public static GraphQLException From(MagmaException error)
    {
        var code = error.Error.Kind switch
        {
            ErrorKind.Validation => ErrorCodes.BadUserInput,
            ErrorKind.Unauthenticated => ErrorCodes.Unauthenticated,
            ErrorKind.Forbidden => ErrorCodes.Forbidden,
            ErrorKind.NotFound => ErrorCodes.NotFound,
            ErrorKind.Conflict => "CONFLICT",
            ErrorKind.PaymentFailed => "PAYMENT_FAILED",
            _ => "SERVICE_UNAVAILABLE",
        };
        var message = error.Error.Kind == ErrorKind.Unauthenticated ? GraphQLRequestContext.UnauthorizedMessage : error.Message;
        var extensions = new Dictionary<string, object?> { ["reason"] = error.Error.Code };
        if (error.Property is not null)
            extensions["field"] = error.Property;
        return new GraphQLException(message, code, extensions);
    }
}
