using Magma.Payments.Errors;

namespace Magma.Api.Lnbits;

/// <summary>
/// The one place where this module's failures become LNbits error bodies: <c>{"detail": "…"}</c>, and for payment
/// failures status 520 with <c>"status": "failed"</c>. Validation is 400, not FastAPI's 422, as LNbits overrides it.
/// </summary>
internal static class LnbitsErrors
{
    public static async ValueTask<object?> Translate(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (LnbitsProblem problem)
        {
            return Result(problem);
        }
        catch (MagmaException error)
        {
            return Result(From(error));
        }
    }

    public static IResult Result(LnbitsProblem problem) =>
        Results.Json(
            problem.PaymentStatus is null
                ? new Dictionary<string, string> { ["detail"] = problem.Detail }
                : new Dictionary<string, string> { ["detail"] = problem.Detail, ["status"] = problem.PaymentStatus },
            statusCode: problem.StatusCode);

    public static LnbitsProblem From(MagmaException error) => error.Error.Kind switch
    {
        ErrorKind.Validation => LnbitsProblem.BadRequest(error.Message),
        ErrorKind.Unauthenticated => new LnbitsProblem(StatusCodes.Status401Unauthorized, error.Message),
        ErrorKind.Forbidden => new LnbitsProblem(StatusCodes.Status403Forbidden, error.Message),
        ErrorKind.NotFound => new LnbitsProblem(StatusCodes.Status404NotFound, error.Message),
        ErrorKind.Conflict => new LnbitsProblem(StatusCodes.Status409Conflict, error.Message),
        ErrorKind.PaymentFailed => LnbitsProblem.PaymentFailed(error.Message),
        _ => new LnbitsProblem(StatusCodes.Status503ServiceUnavailable, error.Message),
    };

    /// <summary>
    /// Paying: LNbits answers an undecodable, expired, amountless or wrong-network invoice with 520 like any other
    /// failed payment, where the core calls these input errors.
    /// </summary>
    public static LnbitsProblem FromPayment(MagmaException error) =>
        error.Error == PaymentErrors.InvalidInvoice || error.Error == PaymentErrors.InvoiceExpired
            || error.Error == PaymentErrors.AmountlessInvoice || error.Error == PaymentErrors.InvoiceNetworkNotAllowed
            ? LnbitsProblem.PaymentFailed(error.Message)
            : From(error);
}
