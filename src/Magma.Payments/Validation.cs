using System.Text.Json;
using Magma.Payments.Errors;

namespace Magma.Payments;

/// <summary>Input checks shared by the payments services; each failure names the offending field.</summary>
public static class Validation
{
    public static string RequiredText(string? value, string property, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw PaymentErrors.Invalid($"{property} is required.", property);
        if (trimmed.Length > maxLength)
            throw PaymentErrors.Invalid($"{property} must be at most {maxLength} characters.", property);
        return trimmed;
    }

    /// <summary>All the bitcoin there will ever be, in sats: the largest amount any one transaction can name.</summary>
    public const long MaxAmount = 2_100_000_000_000_000;

    /// <summary>
    /// A positive integer written as a decimal string, as the Rails API wants amounts ("100000"), at most
    /// <see cref="MaxAmount"/> so that sats always fit in msat.
    /// </summary>
    public static long PositiveIntegerString(string? value, string property)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 18 || !value.All(char.IsAsciiDigit) || value[0] == '0')
            throw PaymentErrors.Invalid($"{property} must be a positive integer string in the asset's base unit.", property);
        var amount = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        if (amount > MaxAmount)
            throw PaymentErrors.Invalid($"{property} must be at most {MaxAmount}.", property);
        return amount;
    }

    public static string? OptionalIdempotencyKey(string? value)
    {
        if (value is null)
            return null;
        if (value.Length is < 1 or > 255)
            throw PaymentErrors.Invalid("idempotency_key must be between 1 and 255 characters.", "idempotency_key");
        return value;
    }

    /// <summary>Metadata is a JSON document passed as a string of at most 2048 characters; it is stored verbatim.</summary>
    public static string? OptionalMetadata(string? value)
    {
        if (value is null)
            return null;
        if (value.Length > 2048)
            throw PaymentErrors.Invalid("metadata must be at most 2048 characters.", "metadata");
        try
        {
            using var _ = JsonDocument.Parse(value);
        }
        catch (JsonException)
        {
            throw PaymentErrors.Invalid("metadata must be a JSON string.", "metadata");
        }
        return value;
    }
}
