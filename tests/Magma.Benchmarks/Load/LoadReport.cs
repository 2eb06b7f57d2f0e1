using System.Globalization;
using System.Net;

namespace Magma.Benchmarks.Load;

/// <summary>Console lines for load scenarios, and the first few failures verbatim.</summary>
public static class LoadReport
{
    private static int _reportedFailures;

    public static string Line(string label, double perSecond, LoadResult? load = null) =>
        string.Create(CultureInfo.InvariantCulture, $"  {label,-40} {perSecond,10:N0}/s")
        + (load is null ? "" : string.Create(CultureInfo.InvariantCulture,
            $"  ({load.Requests:N0} requests, {load.Failures} failed, p50 {load.P50Ms:0.0} ms, p99 {load.P99Ms:0.0} ms, CPU {load.CpuMsPerRequest:0.00} ms and {load.AllocatedKbPerRequest:0} KB allocated each, {load.Gen2Collections} gen2 GCs, {load.MethodsJitted:N0} methods JIT-compiled)"));

    public static bool Failed(string what, HttpStatusCode status, string body)
    {
        if (Interlocked.Increment(ref _reportedFailures) <= 3)
            Console.WriteLine($"  failure: {what} -> {(int)status} {body[..Math.Min(300, body.Length)]}");
        return false;
    }

    /// <summary>A GET that must answer 200.</summary>
    public static async Task<bool> Get(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK || Failed(path, response.StatusCode, body);
    }
}
