using Magma.Lightning.Storage;

namespace Magma.Lightning.Tests.Storage;

/// <summary>
/// SQLite's lock waits (busy handler, WAL read retries) go through the VFS sleep, which the bundled build rounds up
/// to whole seconds. <c>sqlite3_sleep</c> reports what the VFS says it slept: a second for any request before the fix.
/// </summary>
public sealed class SqlitePreciseSleepTests
{
    [Fact]
    public void TheVfsSleepsTheMillisecondsItIsAskedFor()
    {
        Assert.True(SqlitePreciseSleep.Ensure() || !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()));

        Assert.Equal(2, SqlitePreciseSleep.SqliteSleepMilliseconds(2));
        Assert.Equal(0, SqlitePreciseSleep.SqliteSleepMilliseconds(0));
    }
}
