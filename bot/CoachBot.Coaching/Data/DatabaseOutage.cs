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
