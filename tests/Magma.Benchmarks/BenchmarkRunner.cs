namespace Magma.Benchmarks;

/// <summary>
/// Runs one named scenario: <c>dotnet run -c Release --project tests/Magma.Benchmarks -- &lt;scenario&gt;</c>.
/// Every scenario ends with one machine-readable line, <c>RESULT &lt;scenario&gt; key=value ...</c>.
/// </summary>
public static class BenchmarkRunner
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Scenarios = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<int> Run(string[] args)
    {
        if (args.Length == 0 || !Scenarios.TryGetValue(args[0], out var scenario))
        {
            Console.Error.WriteLine($"usage: <scenario>, one of: {string.Join(", ", Scenarios.Keys.Order())}");
            return 2;
        }
        return await scenario(args[1..]);
    }
}
