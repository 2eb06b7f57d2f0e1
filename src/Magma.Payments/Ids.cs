using Magma.Payments.Errors;

namespace Magma.Payments;

/// <summary>Identifiers are lowercase UUIDs; malformed ones are rejected before any lookup.</summary>
public static class Ids
{
    public static string New() => Guid.NewGuid().ToString();

    public static string Require(string? value, string property)
    {
        if (value is null || !Guid.TryParse(value, out var guid))
            throw new MagmaException(PaymentErrors.InvalidId, "Invalid ID", property);
        return guid.ToString();
    }
}
