using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Magma.Benchmarks.Secp256k1;

/// <summary>
/// CPU time consumed by the calling thread, in seconds. On a shared machine this measures single-threaded
/// work without the time the thread spends descheduled; off Linux it falls back to wall-clock time.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    public static bool IsThreadTime { get; } = OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out _) == 0;

    public static double Now()
    {
        if (!IsThreadTime)
            return Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
        ClockGetTime(ClockThreadCpuTime, out var time);
        return time.Seconds + time.Nanoseconds * 1e-9;
    }
}
