using Microsoft.Data.Sqlite;

namespace Magma.Lightning.Storage;

/// <summary>One queued unit of work: it runs inside its own savepoint of a shared batch transaction.</summary>
internal abstract class WriteUnit
{
    private List<Action>? _afterCommit;

    public void AddAfterCommit(Action action) => (_afterCommit ??= []).Add(action);

    /// <summary>
    /// Runs the unit's after-commit actions; only called when the unit succeeded and its batch committed. Each one
    /// runs even if another throws; their failures are thrown together afterwards.
    /// </summary>
    protected void RunAfterCommit()
    {
        if (_afterCommit is null)
            return;
        List<Exception>? failures = null;
        foreach (var action in _afterCommit)
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                (failures ??= []).Add(ex);
            }
        }
        if (failures is not null)
            throw new AggregateException("After-commit actions failed.", failures);
    }

    public abstract Task Execute(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Called after the batch committed (durably) or failed as a whole.</summary>
    public abstract void Complete(Exception? batchFailure);
}

internal sealed class WriteUnit<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work) : WriteUnit
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;
    private Exception? _failure;

    public Task<T> Task => _completion.Task;

    public override async Task Execute(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            _result = await work(connection, transaction);
        }
        catch (Exception ex)
        {
            _failure = ex;
            throw;
        }
    }

    public override void Complete(Exception? batchFailure)
    {
        if (_failure is not null)
            _completion.TrySetException(_failure);
        else if (batchFailure is not null)
            _completion.TrySetException(batchFailure);
        else
        {
            try
            {
                RunAfterCommit();
            }
            finally
            {
                // The unit committed whatever an announcement did: its caller gets its result.
                _completion.TrySetResult(_result!);
            }
        }
    }
}
