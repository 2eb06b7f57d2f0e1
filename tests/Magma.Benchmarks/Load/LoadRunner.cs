using System.Diagnostics;

namespace Magma.Benchmarks.Load;

/// <summary>
/// Latencies in milliseconds; <c>CpuMsPerRequest</c> and <c>AllocatedKbPerRequest</c> are this process's (server and
/// clients together) per request; <c>Gen2Collections</c> counts full collections and <c>MethodsJitted</c> the methods
/// compiled during the run.
/// </summary>
public sealed record LoadResult(int Requests, int Failures, double PerSecond, double P50Ms, double P99Ms, double CpuMsPerRequest,
    double AllocatedKbPerRequest = 0, int Gen2Collections = 0, long MethodsJitted = 0);

/// <summary>Concurrent clients each sending one request after another for a fixed time; latencies in milliseconds.</summary>
public static class LoadRunner
{
    /// <summary>
    /// How long a write scenario runs its load before measuring. Tiered compilation keeps recompiling hot methods for
    /// a while after start-up, on the same two cores: after a 5 s warm-up the next 20 s still JIT-compiled about
    /// 7,800 methods (4.6 s of compiler time), after a 40 s warm-up about 240. Every load line prints the count, so a
    /// run that measured the compiler shows it.
    /// </summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(20);

    public static async Task<LoadResult> Run(int clients, TimeSpan duration, Func<int, Task<bool>> request)
    {
        var latencies = new List<double>[clients];
        var failures = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var gen2 = GC.CollectionCount(2);
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async c =>
        {
            var mine = latencies[c] = new List<double>(4096);
            var i = 0;
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = await request(c * 1_000_000 + i++);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!ok)
                    Interlocked.Increment(ref failures);
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var allocatedKb = (GC.GetTotalAllocatedBytes() - allocated) / 1024.0;
        var all = latencies.SelectMany(l => l).Order().ToList();
        var perRequest = (double total) => all.Count == 0 ? 0 : total / all.Count;
        return new LoadResult(all.Count, failures, all.Count / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), perRequest(cpuMs),
            perRequest(allocatedKb), GC.CollectionCount(2) - gen2, System.Runtime.JitInfo.GetCompiledMethodCount() - jitted);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
