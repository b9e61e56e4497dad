using Dapper;
using Npgsql;

namespace CoachBot.Bot.Demo;

/// <summary>
/// Keeps the demo clock's offset in PostgreSQL (demo_clock), so a restarted demo carries on at the time it had reached
/// instead of falling back to real time while schedules, deliveries and deadlines in the database are already ahead.
/// </summary>
internal sealed class DemoClockStore(NpgsqlDataSource dataSource, DemoClock clock, ILogger<DemoClockStore> logger) : IHostedService
{
    // Runs after migrations and before the seeder and the Hangfire server, so nothing reads the clock before it is restored.
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ticks = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "select offset_ticks from demo_clock", cancellationToken: cancellationToken));
        if (ticks is { } saved)
        {
            clock.Restore(TimeSpan.FromTicks(saved));
            DemoLog.ClockRestored(logger, clock.Offset);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // greatest(): two instances (or a late write) never move the saved clock back.
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into demo_clock (offset_ticks) values (@ticks)
            on conflict (id) do update set offset_ticks = greatest(demo_clock.offset_ticks, excluded.offset_ticks), updated_at = now()
            """, new { ticks = clock.Offset.Ticks }, cancellationToken: cancellationToken));
    }
}
