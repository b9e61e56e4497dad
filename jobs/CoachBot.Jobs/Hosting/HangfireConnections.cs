using Npgsql;

namespace CoachBot.Jobs.Hosting;

/// <summary>Hangfire's own connection pool, so a database that came back is not met with the dead connections it left.</summary>
public sealed class HangfireConnections
{
    internal NpgsqlDataSource? DataSource { get; set; }

    public void Clear() => DataSource?.Clear();
}
