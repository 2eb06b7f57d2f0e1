using System.Globalization;
using Magma.Payments.Lnbits;

namespace Magma.Api.Lnbits;

/// <summary>Query parameters parsed here rather than bound, so a bad value gets LNbits' 400 <c>detail</c> body.</summary>
internal static class LnbitsQuery
{
    public static int Integer(HttpRequest request, string name, int fallback, int min, int max)
    {
        var text = request.Query[name].ToString();
        if (string.IsNullOrEmpty(text))
            return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw LnbitsProblem.BadRequest($"{name} must be an integer between {min} and {max}.");
        return value;
    }

    public static LnbitsStatus? Status(HttpRequest request)
    {
        var text = request.Query["status"].ToString();
        if (string.IsNullOrEmpty(text))
            return null;
        return LnbitsStatuses.TryParse(text, out var status)
            ? status
            : throw LnbitsProblem.BadRequest("status must be one of pending, success, failed.");
    }
}
