using System.Globalization;

namespace Magma.Benchmarks.Bolt11;

// Decodes and verifies 10,000 distinct signed regtest invoices in Magma and in npm bolt11 (node),
// single-threaded, each the fastest of TimedPasses full passes after a warm-up pass, and compares the rates.
public sealed class Bolt11Scenario : IBenchmarkScenario
{
    private const int InvoiceCount = 10_000;
    private const int PayeeCount = 4;
    private const int TimedPasses = 5;

    public string Name => "bolt11";

    public async Task<int> Run(string[] args)
    {
        Console.WriteLine($"Creating {InvoiceCount:N0} signed regtest invoices from {PayeeCount} payees ...");
        var corpus = Bolt11Corpus.Create(InvoiceCount, PayeeCount, seed: 11);

        var magma = MagmaDecodeTimer.DecodeAndVerify(corpus, TimedPasses);
        Console.WriteLine(Line("Magma decode + verify", magma));
        var parseOnly = MagmaDecodeTimer.DecodeWithoutRecovery(corpus, TimedPasses);
        Console.WriteLine(Line("Magma decode without recovery", parseOnly));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  recovery share of a decode: {1 - magma / parseOnly:P1} ({1e6 / magma - 1e6 / parseOnly:0.0} of {1e6 / magma:0.0} µs)"));

        var npm = await NpmBolt11Timer.Decode(corpus, ScratchFolder(), TimedPasses);
        Console.WriteLine(Line("npm bolt11 decode", npm));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio Magma / npm: {magma / npm:0.00}x"));

        ResultLine.Write("bolt11", ("magma_per_s", magma), ("npm_per_s", npm), ("ratio", magma / npm));
        return 0;
    }

    private static string Line(string label, double perSecond) =>
        string.Create(CultureInfo.InvariantCulture, $"  {label,-32} {perSecond,12:N0} invoices/s ({1e6 / perSecond:0.0} µs each)");

    // tests/Magma.Benchmarks/scratch/bolt11 (gitignored), found from the build output upwards.
    private static string ScratchFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Magma.sln")))
            dir = dir.Parent;
        var root = dir?.FullName ?? Directory.GetCurrentDirectory();
        return Path.Combine(root, "tests", "Magma.Benchmarks", "scratch", "bolt11");
    }
}
