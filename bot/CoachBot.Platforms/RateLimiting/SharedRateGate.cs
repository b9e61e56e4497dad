using Npgsql;

namespace CoachBot.Platforms.RateLimiting;

/// <summary>
/// Paces calls per key across every instance through one PostgreSQL row: each caller reserves the next slot
/// (spacing = 1 / rate) and waits until it. A 429's Retry-After pushes the row forward for everyone.
/// The database clock is the only clock, so instances with skewed clocks still agree.
/// </summary>
public sealed class SharedRateGate(NpgsqlDataSource dataSource)
{
    /// <summary>Reserves a slot for <paramref name="key"/> at <paramref name="perSecond"/> calls/s and waits for it.</summary>
    public async Task WaitAsync(string key, double perSecond, CancellationToken cancellationToken)
    {
        var delay = await ReserveAsync(key, perSecond, cancellationToken);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken);
        }
    }

    /// <summary>Reserves the next slot and returns how long the caller must wait for it (zero if now).</summary>
    public async Task<TimeSpan> ReserveAsync(string key, double perSecond, CancellationToken cancellationToken)
    {
        var slot = await ReserveSlotAsync(key, perSecond, cancellationToken);
        return slot.Wait;
    }

    internal async Task<(DateTime At, TimeSpan Wait)> ReserveSlotAsync(string key, double perSecond, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        var spacing = TimeSpan.FromSeconds(1 / perSecond);
        await using var command = dataSource.CreateCommand("""
            insert into rate_gate as g (key, next_at) values ($1, clock_timestamp() + $2)
            on conflict (key) do update set next_at = greatest(g.next_at, clock_timestamp()) + $2
            returning g.next_at - $2, extract(epoch from (g.next_at - $2 - clock_timestamp()))::float8
            """);
        command.Parameters.AddWithValue(key);
        command.Parameters.AddWithValue(spacing);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var seconds = reader.GetDouble(1);
        return (reader.GetDateTime(0), seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero);
    }

    /// <summary>Honours a platform's Retry-After: nobody on any instance calls <paramref name="key"/> before it passes.</summary>
    public async Task BlockAsync(string key, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into rate_gate as g (key, next_at) values ($1, clock_timestamp() + $2)
            on conflict (key) do update set next_at = greatest(g.next_at, clock_timestamp() + $2)
            """);
        command.Parameters.AddWithValue(key);
        command.Parameters.AddWithValue(retryAfter);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
