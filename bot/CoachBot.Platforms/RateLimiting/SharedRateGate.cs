using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Telemetry;
using Npgsql;

namespace CoachBot.Platforms.RateLimiting;

/// <summary>
/// Paces calls per key across every instance through one PostgreSQL row: each caller reserves the next slot
/// (spacing = 1 / rate) and waits until it. A 429's Retry-After pushes the row forward for everyone.
/// The database clock is the only clock, so instances with skewed clocks still agree.
/// Every write here commits without waiting for the WAL flush (synchronous_commit off for its own transaction): a
/// busy key's row is locked until its writer commits, so a flush per reservation would queue every sender of that
/// workspace behind the disk; and a PostgreSQL crash that loses the last reservations only lets a few calls go early,
/// which the platform answers with a 429 we honour anyway.
/// </summary>
public sealed class SharedRateGate(NpgsqlDataSource dataSource, CoachBotMetrics? metrics = null)
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

    /// <summary>
    /// Paces one request to <paramref name="workspace"/> (and <paramref name="conversation"/>, for a post). A request
    /// that takes its send's <paramref name="prepaid"/> slot goes at once: the batch reserved the workspace slot, and one
    /// message to the rep's own conversation needs no reservation of its own (a database round trip per nudge and a
    /// rate_gate row per rep saved). Any later request of that send (a retry) reserves both as usual, and keeps one
    /// conversation spacing after the prepaid message, which the gate never saw. The rare cost: a reply to the rep in
    /// that same second may draw one 429.
    /// </summary>
    public async Task PaceAsync(RateLimit workspace, RateLimit? conversation, RateSlot? prepaid, CancellationToken cancellationToken)
    {
        if (prepaid is not null && prepaid.Key == workspace.Key && prepaid.TryUse())
        {
            return;
        }

        if (conversation is { } chat)
        {
            if (prepaid?.SinceUsed is { } since && chat.Spacing - since is { Ticks: > 0 } rest)
            {
                await Task.Delay(rest, cancellationToken);
            }

            await WaitAsync(chat.Key, chat.PerSecond, cancellationToken);
        }

        await WaitAsync(workspace.Key, workspace.PerSecond, cancellationToken);
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
            insert into rate_gate as g (key, next_at) select $1, clock_timestamp() + $2 from (select set_config('synchronous_commit', 'off', true)) as async_commit
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

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive slots only if the first starts within <paramref name="maxWait"/>;
    /// returns (true, wait for the first) when taken, or (false, time until the key frees up) without consuming
    /// anything, so a caller can go and do other work. Slot i of a reservation starts at wait + i / rate.
    /// </summary>
    public async Task<(bool Reserved, TimeSpan Wait)> TryReserveAsync(string key, double perSecond, TimeSpan maxWait, CancellationToken cancellationToken, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var spacing = TimeSpan.FromSeconds(1 / perSecond);
        await using var command = dataSource.CreateCommand("""
            with taken as (
                insert into rate_gate as g (key, next_at)
                select $1, clock_timestamp() + $2 * $4 from (select set_config('synchronous_commit', 'off', true)) as async_commit
                on conflict (key) do update set next_at = greatest(g.next_at, clock_timestamp()) + $2 * $4
                    where g.next_at <= clock_timestamp() + $3
                returning extract(epoch from (g.next_at - $2 * $4 - clock_timestamp()))::float8 as wait)
            select true, wait from taken
            union all
            select false, extract(epoch from (next_at - clock_timestamp()))::float8 from rate_gate
            where key = $1 and not exists (select 1 from taken)
            """);
        command.Parameters.AddWithValue(key);
        command.Parameters.AddWithValue(spacing);
        command.Parameters.AddWithValue(maxWait);
        command.Parameters.AddWithValue((double)count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var seconds = Math.Max(0, reader.GetDouble(1));
        return (reader.GetBoolean(0), TimeSpan.FromSeconds(seconds));
    }

    /// <summary>Honours a platform's Retry-After: nobody on any instance calls <paramref name="key"/> before it passes.</summary>
    public async Task BlockAsync(string key, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        // Every 429 of either platform that names a rate key lands here, so this is where they are counted.
        metrics?.RateLimited(key, retryAfter);
        await using var command = dataSource.CreateCommand("""
            insert into rate_gate as g (key, next_at) select $1, clock_timestamp() + $2 from (select set_config('synchronous_commit', 'off', true)) as async_commit
            on conflict (key) do update set next_at = greatest(g.next_at, clock_timestamp() + $2)
            """);
        command.Parameters.AddWithValue(key);
        command.Parameters.AddWithValue(retryAfter);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
