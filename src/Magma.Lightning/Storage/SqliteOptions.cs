namespace Magma.Lightning.Storage;

/// <summary>How Magma opens its SQLite database (configuration section <c>Storage</c>).</summary>
public sealed class SqliteOptions
{
    public const string Section = "Storage";

    /// <summary>A Microsoft.Data.Sqlite connection string; relative paths resolve against the working directory.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/magma.db";

    /// <summary>
    /// SQLite's <c>synchronous</c> pragma for the writer. FULL (the default) fsyncs every commit, so an
    /// acknowledged invoice or payment survives a power cut; the group-committing writer keeps that affordable.
    /// </summary>
    public string Synchronous { get; set; } = "FULL";

    /// <summary>Most units of work one commit may carry.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// WAL pages between two background checkpoints (SQLite's own automatic checkpoint default). The WAL is kept
    /// to about four times this: see <c>WalCheckpointer</c>.
    /// </summary>
    public int CheckpointPages { get; set; } = 1000;
}
