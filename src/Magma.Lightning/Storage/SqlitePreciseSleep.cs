using System.Runtime.InteropServices;

namespace Magma.Lightning.Storage;

/// <summary>
/// Gives the bundled SQLite's unix VFS a sleep that sleeps for the microseconds it is asked for.
/// <para>
/// The e_sqlite3 library that SQLitePCLRaw ships is built without <c>HAVE_USLEEP</c> or <c>HAVE_NANOSLEEP</c>, so its
/// <c>unixSleep</c> falls back to <c>sleep(seconds)</c> and rounds every wait up to whole seconds. SQLite waits in two
/// places: the busy handler (<c>busy_timeout</c>), and a reader or the writer starting a read on a WAL database that
/// had to retry more than five times because the checkpointer or another reader held the lock it wanted, where it
/// asks for a single microsecond. Each of those became a one-second sleep. Under the receive benchmark the writer hit
/// one every few seconds, and with it every request stopped: the process sat idle for about a second, with the writer
/// and several pool threads inside <c>walTryBeginRead</c> → <c>unixSleep</c> → <c>sleep</c> (seen in gdb stacks of
/// the stalled process), which is where the occasional p99 of ~1,000 ms came from.
/// </para>
/// <para>
/// The fix replaces the VFS's <c>xSleep</c> pointer, once, before the first connection opens. Everything else in the
/// VFS is untouched, and the Windows VFS (which sleeps in milliseconds) is left alone. The busy handler of this build
/// asks the VFS for a whole second itself, so a connection that needs a busy timeout takes <see cref="SetBusyTimeout"/>,
/// which waits in SQLite's usual short steps.
/// </para>
/// </summary>
internal static class SqlitePreciseSleep
{
    private const string Library = "e_sqlite3";

    // Rooted for the life of the process: SQLite keeps the function pointer.
    private static readonly SleepCallback Callback = Sleep;
    private static readonly Lazy<bool> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Installs the sleep on the default unix VFS; true when it is in place.</summary>
    public static bool Ensure() => Installed.Value;

    /// <summary>SQLite's own <c>sqlite3_sleep</c>: the milliseconds the VFS reports having slept.</summary>
    public static int SqliteSleepMilliseconds(int milliseconds) => sqlite3_sleep(milliseconds);

    private static bool Install()
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
            return false;
        SQLitePCL.Batteries_V2.Init();
        IntPtr vfs;
        try
        {
            // Resolve usleep now, since a failure inside SQLite's callback would end the process; and a provider other
            // than the bundled e_sqlite3 simply keeps its own sleep.
            usleep(0);
            vfs = sqlite3_vfs_find(IntPtr.Zero);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
        if (vfs == IntPtr.Zero || Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(vfs, Offset(nameof(VfsHead.Name)))) is not { } name
            || !name.StartsWith("unix", StringComparison.Ordinal))
            return false;
        Marshal.WriteIntPtr(vfs, Offset(nameof(VfsHead.Sleep)), Marshal.GetFunctionPointerForDelegate(Callback));
        return true;
    }

    /// <summary>
    /// A busy timeout for <paramref name="connection"/> that waits in short steps. SQLite's own busy handler
    /// (<c>PRAGMA busy_timeout</c>) in this build asks the VFS for whole seconds at a time, so a lock held for 50 ms
    /// cost a second.
    /// </summary>
    public static void SetBusyTimeout(Microsoft.Data.Sqlite.SqliteConnection connection, TimeSpan timeout)
    {
        var handle = connection.Handle!.DangerousGetHandle();
        var rc = sqlite3_busy_handler(handle, Marshal.GetFunctionPointerForDelegate(Busy), (IntPtr)(long)timeout.TotalMilliseconds);
        if (rc != 0)
            throw new InvalidOperationException($"sqlite3_busy_handler failed with SQLite code {rc}.");
    }

    // SQLite's own schedule, in milliseconds, for builds that have usleep: short first waits, then 100 ms steps.
    private static readonly int[] BusyDelays = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100];
    private static readonly BusyCallback Busy = WaitWhileBusy;

    private static int WaitWhileBusy(IntPtr timeoutMilliseconds, int count)
    {
        var delay = BusyDelay(count, (long)timeoutMilliseconds);
        if (delay <= 0)
            return 0;
        Thread.Sleep(delay);
        return 1;
    }

    /// <summary>How long the <paramref name="count"/>th wait for a lock sleeps; 0 once the timeout is used up.</summary>
    internal static int BusyDelay(int count, long timeoutMilliseconds)
    {
        var waited = count < BusyDelays.Length ? BusyDelays[..count].Sum() : BusyDelays.Sum() + (count - BusyDelays.Length) * 100L;
        var delay = count < BusyDelays.Length ? BusyDelays[count] : 100;
        return (int)Math.Max(0, Math.Min(delay, timeoutMilliseconds - waited));
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int BusyCallback(IntPtr timeoutMilliseconds, int count);

    [DllImport(Library)]
    private static extern int sqlite3_busy_handler(IntPtr db, IntPtr callback, IntPtr argument);

    private static int Sleep(IntPtr vfs, int microseconds)
    {
        if (microseconds > 0)
            usleep((uint)microseconds);
        return Math.Max(0, microseconds);
    }

    private static int Offset(string field) => (int)Marshal.OffsetOf<VfsHead>(field);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int SleepCallback(IntPtr vfs, int microseconds);

    /// <summary>The start of <c>struct sqlite3_vfs</c> (sqlite3.h), up to <c>xSleep</c>; its layout is SQLite's ABI.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct VfsHead
    {
        public int Version;
        public int OsFileSize;
        public int MaxPathname;
        public IntPtr Next;
        public IntPtr Name;
        public IntPtr AppData;
        public IntPtr Open, Delete, Access, FullPathname, DlOpen, DlError, DlSym, DlClose, Randomness;
        public IntPtr Sleep;
    }

    [DllImport(Library)]
    private static extern IntPtr sqlite3_vfs_find(IntPtr name);

    [DllImport(Library)]
    private static extern int sqlite3_sleep(int milliseconds);

    [DllImport("libc", SetLastError = false)]
    private static extern int usleep(uint microseconds);
}
