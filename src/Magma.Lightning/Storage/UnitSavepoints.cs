using Microsoft.Data.Sqlite;

namespace Magma.Lightning.Storage;

/// <summary>
/// The savepoint around each unit of a batch, as three statements prepared once on the writer connection.
/// SqliteTransaction.Save/Release build and parse a new command every time, which cost the writer about as much
/// as a small insert per unit. Units run one after another, so one savepoint name serves them all.
/// </summary>
internal sealed class UnitSavepoints(SqliteConnection writer) : IDisposable
{
    private readonly SqliteCommand _begin = Prepare(writer, "SAVEPOINT unit;");
    private readonly SqliteCommand _release = Prepare(writer, "RELEASE unit;");
    private readonly SqliteCommand _rollback = Prepare(writer, "ROLLBACK TO unit;");

    public void Begin(SqliteTransaction transaction) => Run(_begin, transaction);

    public void Release(SqliteTransaction transaction) => Run(_release, transaction);

    /// <summary>Undoes the unit's writes and ends its savepoint; the batch transaction goes on.</summary>
    public void Undo(SqliteTransaction transaction)
    {
        Run(_rollback, transaction);
        Run(_release, transaction);
    }

    public void Dispose()
    {
        _begin.Dispose();
        _release.Dispose();
        _rollback.Dispose();
    }

    private static void Run(SqliteCommand command, SqliteTransaction transaction)
    {
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
