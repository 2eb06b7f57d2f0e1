using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Magma.Lightning.Storage;

public static class SqliteErrors
{
    private const int Constraint = 19;
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;

    /// <summary>True when a unique index (or primary key) refused the write: the signal idempotency relies on.</summary>
    public static bool IsUniqueViolation(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: Constraint } sqlite
                && sqlite.SqliteExtendedErrorCode is ConstraintUnique or ConstraintPrimaryKey)
                return true;
        }
        return false;
    }

    /// <summary>True when a conditional update matched no row: the state changed since it was read.</summary>
    public static bool IsConcurrencyConflict(Exception exception) => exception is DbUpdateConcurrencyException;
}
