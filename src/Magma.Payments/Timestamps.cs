using System.Globalization;

namespace Magma.Payments;

/// <summary>ISO-8601 UTC with milliseconds, the format of every Magma API timestamp.</summary>
public static class Timestamps
{
    public static string? Format(DateTime? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Format(DateTime value) => Format((DateTime?)value)!;
}
