namespace Magma.Api.Lnbits;

/// <summary>
/// An LNbits-style failure raised inside a handler: the status and the <c>detail</c> sentence LNbits would answer,
/// plus the payment <c>status</c> its 520 answers carry. The module's filter turns it into the response.
/// </summary>
internal sealed class LnbitsProblem(int statusCode, string detail, string? paymentStatus = null) : Exception(detail)
{
    public const int PaymentError = 520;

    public int StatusCode { get; } = statusCode;

    public string Detail { get; } = detail;

    public string? PaymentStatus { get; } = paymentStatus;

    public static LnbitsProblem BadRequest(string detail) => new(StatusCodes.Status400BadRequest, detail);

    public static LnbitsProblem PaymentFailed(string detail) => new(PaymentError, detail, "failed");

    /// <summary>LNbits' answer to paying a hash this wallet already paid, or is still paying: 520 with that payment's status.</summary>
    public static LnbitsProblem AlreadyPaying(bool completed) =>
        completed ? new(PaymentError, "Payment already paid.", "success") : new(PaymentError, "Payment is still pending.", "pending");
}
