using System.Reflection;

namespace Magma.Benchmarks;

/// <summary>
/// Runs one named scenario: <c>dotnet run -c Release --project tests/Magma.Benchmarks -- &lt;scenario&gt;</c>.
/// Scenarios are found by reflection so each lives in its own file and folder.
/// </summary>
public static class BenchmarkRunner
{
    public static async Task<int> Run(string[] args)
    {
        var scenarios = typeof(BenchmarkRunner).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBenchmarkScenario).IsAssignableFrom(t))
            .Select(t => (IBenchmarkScenario)Activator.CreateInstance(t)!)
            .ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

        if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var scenario))
        {
            Console.Error.WriteLine($"usage: <scenario> [options], one of: {string.Join(", ", scenarios.Keys.Order())}");
            return 2;
        }
        return await scenario.Run(args[1..]);
    }
}
