using System.Net.Sockets;
using Npgsql;

namespace CoachBot.Coaching.Data;

/// <summary>Tells "PostgreSQL is not serving us right now" apart from a statement that failed on its own merits.</summary>
public static class DatabaseOutage
{
    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return IsOutageState(postgres.SqlState);
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is IOException or SocketException or TimeoutException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Any failure of PostgreSQL (or Hangfire's storage on it) that a retry could get past: an outage, a deadlock, a
    /// timeout. Data exceptions (22xxx), constraint violations (23xxx) and limits such as index row size (54xxx) come
    /// from what was sent instead: a retry would fail the same way.
    /// </summary>
    public static bool IsRetryableStorageFailure(Exception? exception) => exception switch
    {
        null => false,
        PostgresException { SqlState: ['2', '2' or '3', ..] or ['5', '4', ..] } => false,
        NpgsqlException => true,
        _ => IsRetryableStorageFailure(exception.InnerException),
    };

    /// <summary>A table CoachBot owns is missing: the database was recreated or restored without its schema.</summary>
    public static bool IsSchemaMissing(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable } || (exception.InnerException is { } inner && IsSchemaMissing(inner));

    // Connection failures (08…), shutdown or start-up in progress (57P01-57P03), too many connections (53300), the
    // database gone (3D000) or recreated empty (42P01).
    private static bool IsOutageState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)
        || state is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.UndefinedTable;
}
