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
/// VFS is untouched, and the Windows VFS (which sleeps in milliseconds) is left alone.
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
        try
        {
            // Resolve usleep now: a failure inside SQLite's callback would end the process.
            usleep(0);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
        SQLitePCL.Batteries_V2.Init();
        var vfs = sqlite3_vfs_find(IntPtr.Zero);
        if (vfs == IntPtr.Zero || Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(vfs, Offset(nameof(VfsHead.Name)))) is not { } name
            || !name.StartsWith("unix", StringComparison.Ordinal))
            return false;
        Marshal.WriteIntPtr(vfs, Offset(nameof(VfsHead.Sleep)), Marshal.GetFunctionPointerForDelegate(Callback));
        return true;
    }

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
