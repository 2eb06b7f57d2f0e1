using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Magma.Lightning.Storage;

/// <summary>
/// Open read-only connections, each keeping the statements it has prepared. Hot reads (a key lookup per request, an
/// order polled every few seconds) then cost one bind and one step, instead of an EF query's expression walk, command
/// build, connection open and SQL parse.
/// </summary>
internal sealed class PreparedReads(string connectionString) : IDisposable
{
    // Enough for every request thread of a busy host; a connection returned beyond it is closed.
    private const int MaxIdleSessions = 64;

    private readonly ConcurrentBag<Session> _idle = [];

    public async Task<List<T>> Query<T>(string sql, Func<SqliteDataReader, T> read, object?[] args, CancellationToken cancellationToken)
    {
        var session = _idle.TryTake(out var idle) ? idle : await Session.Open(connectionString, cancellationToken);
        var rows = new List<T>();
        try
        {
            var command = session.Command(sql, args);
            // The reader closes before the session goes back: another request may take it at once.
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                    rows.Add(read(reader));
            }
        }
        catch
        {
            session.Dispose();
            throw;
        }
        if (_idle.Count < MaxIdleSessions)
            _idle.Add(session);
        else
            session.Dispose();
        return rows;
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var session))
            session.Dispose();
    }

    private sealed class Session(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _prepared = [];

        public static async Task<Session> Open(string connectionString, CancellationToken cancellationToken)
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return new Session(connection);
        }

        public SqliteCommand Command(string sql, object?[] args)
        {
            if (!_prepared.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                for (var i = 0; i < args.Length; i++)
                    command.Parameters.Add(new SqliteParameter("$p" + i, null));
                command.Prepare();
                _prepared[sql] = command;
            }
            if (command.Parameters.Count != args.Length)
                throw new ArgumentException($"The statement takes {command.Parameters.Count} arguments, not {args.Length}.", nameof(args));
            for (var i = 0; i < args.Length; i++)
                command.Parameters[i].Value = args[i] ?? DBNull.Value;
            return command;
        }

        public void Dispose()
        {
            foreach (var command in _prepared.Values)
                command.Dispose();
            connection.Dispose();
        }
    }
}
