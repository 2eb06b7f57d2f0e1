using System.Globalization;

namespace Magma.Benchmarks;

public static class ResultLine
{
    /// <summary>Writes the final machine-readable line; values are formatted invariantly.</summary>
    public static void Write(string scenario, params (string Key, double Value)[] values)
    {
        var pairs = values.Select(v => $"{v.Key}={v.Value.ToString("0.###", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"RESULT {scenario} {string.Join(' ', pairs)}");
    }
}
