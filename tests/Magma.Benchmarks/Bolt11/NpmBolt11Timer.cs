using System.Globalization;
using System.Diagnostics;
using System.Text.Json;

namespace Magma.Benchmarks.Bolt11;

// Installs npm bolt11 into a scratch folder (once) and times its decoding of the same corpus.
internal static class NpmBolt11Timer
{
    private const string Package = "bolt11@1.4.1";

    private const string Script = """
        const fs = require('fs');
        const bolt11 = require('bolt11');
        const network = { bech32: 'bcrt', pubKeyHash: 0x6f, scriptHash: 0xc4, validWitnessVersions: [0, 1] };
        const invoices = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(line => line.length > 0);
        const decodeAll = () => {
          for (const invoice of invoices) {
            if (!bolt11.decode(invoice, network).payeeNodeKey) throw new Error('no payee: ' + invoice);
          }
        };
        const passes = Number(process.argv[3]);
        decodeAll();
        let best = Infinity;
        for (let pass = 0; pass < passes; pass++) {
          const start = process.hrtime.bigint();
          decodeAll();
          best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
        }
        process.stdout.write(JSON.stringify({ count: invoices.length, perSecond: invoices.length / best }));
        """;

    public static async Task<double> Decode(Bolt11Corpus corpus, string scratch, int passes)
    {
        await EnsureInstalled(scratch);
        var invoicesPath = Path.Combine(scratch, "invoices.txt");
        var scriptPath = Path.Combine(scratch, "decode-bench.cjs");
        await File.WriteAllLinesAsync(invoicesPath, corpus.Invoices);
        await File.WriteAllTextAsync(scriptPath, Script);

        var output = await Run("node", [scriptPath, invoicesPath, passes.ToString(CultureInfo.InvariantCulture)], scratch);
        using var json = JsonDocument.Parse(output);
        var count = json.RootElement.GetProperty("count").GetInt32();
        if (count != corpus.Invoices.Count)
            throw new InvalidOperationException($"npm bolt11 decoded {count} invoices, not {corpus.Invoices.Count}.");
        return json.RootElement.GetProperty("perSecond").GetDouble();
    }

    private static async Task EnsureInstalled(string scratch)
    {
        Directory.CreateDirectory(scratch);
        if (Directory.Exists(Path.Combine(scratch, "node_modules", "bolt11")))
            return;
        Console.WriteLine($"Installing {Package} into {scratch} ...");
        await Run("npm", ["install", "--prefix", scratch, "--no-audit", "--no-fund", "--no-save", Package], scratch);
    }

    private static async Task<string> Run(string fileName, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var errorText = await error;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{fileName} exited with {process.ExitCode}: {errorText}");
        return await output;
    }
}
