namespace Magma.Benchmarks;

/// <summary>
/// One benchmark scenario. It prints human-readable figures and ends with exactly one line
/// <c>RESULT &lt;name&gt; key=value ...</c> that other tools parse.
/// </summary>
public interface IBenchmarkScenario
{
    string Name { get; }

    Task<int> Run(string[] args);
}
