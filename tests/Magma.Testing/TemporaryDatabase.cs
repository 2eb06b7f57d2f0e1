using Microsoft.Data.Sqlite;

namespace Magma.Testing;

/// <summary>A SQLite file in a fresh temporary folder, deleted with the folder when disposed.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    public TemporaryDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "magma-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "magma.db");
    }

    public string Folder { get; }

    public string FilePath { get; }

    public string ConnectionString => $"Data Source={FilePath}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A lingering handle; the OS clears its temp folder later.
        }
    }
}
