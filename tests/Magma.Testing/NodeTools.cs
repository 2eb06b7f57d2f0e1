using System.Diagnostics;

namespace Magma.Testing;

/// <summary>
/// Runs small Node.js scripts against the reference packages in <c>tests/tools</c>
/// (installed by <c>.ci/run</c> with <c>npm ci --prefix tests/tools</c>).
/// </summary>
public static class NodeTools
{
    public static string ToolsDirectory { get; } = Path.Combine(RepositoryRoot.Find(), "tests", "tools");

    public static bool IsInstalled(string package) =>
        Directory.Exists(Path.Combine(ToolsDirectory, "node_modules", package)) && FindNode() is not null;

    /// <summary>Runs <paramref name="script"/> with <paramref name="stdin"/> as input and returns its standard output.</summary>
    public static async Task<string> RunScript(string script, string stdin, TimeSpan? timeout = null)
    {
        var node = FindNode() ?? throw new InvalidOperationException("node is not on PATH.");
        var scriptPath = Path.Combine(Path.GetTempPath(), $"magma-{Guid.NewGuid():N}.cjs");
        await File.WriteAllTextAsync(scriptPath, script);
        try
        {
            var start = new ProcessStartInfo(node, [scriptPath])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = ToolsDirectory,
            };
            start.Environment["NODE_PATH"] = Path.Combine(ToolsDirectory, "node_modules");
            using var process = Process.Start(start)!;
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(cts.Token);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"node exited with {process.ExitCode}: {await error}");
            return await output;
        }
        finally
        {
            File.Delete(scriptPath);
        }
    }

    private static string? FindNode() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "node"))
            .FirstOrDefault(File.Exists);
}
