using Microsoft.Extensions.Logging;
using Npgsql;

namespace CoachBot.Coaching.People;

/// <summary>
/// Keeps <see cref="PeopleCache"/> honest: LISTENs on coachbot_cache (migration 1400's triggers announce every write to
/// person, rep_profile and workspace, from any instance) and evicts what changed. The cache is only used while this
/// connection listens: it goes live once LISTEN succeeds (after a flush, since announcements may have been missed) and
/// goes dark, flushed, the moment the connection fails; a quiet connection is pinged so a silently dead one is noticed.
/// </summary>
public sealed class PeopleCacheFeed(NpgsqlDataSource dataSource, PeopleCache cache, ILogger<PeopleCacheFeed> logger)
{
    public const string Channel = "coachbot_cache";
    private static readonly TimeSpan PingAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public async Task RunAsync(CancellationToken stopping)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                cache.GoDark();
                PeopleLog.FeedLost(logger, ex.GetType().Name, backoff);
                try
                {
                    await Task.Delay(backoff, stopping);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
                continue;
            }
        }

        cache.GoDark();
    }

    private async Task ListenAsync(CancellationToken stopping)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stopping);
        connection.Notification += (_, e) => cache.OnChange(e.Payload);
        await using (var listen = new NpgsqlCommand($"listen {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stopping);
        }

        cache.GoLive();
        PeopleLog.FeedListening(logger);
        try
        {
            while (true)
            {
                if (!await connection.WaitAsync(PingAfter, stopping))
                {
                    await using var ping = new NpgsqlCommand("select 1", connection) { CommandTimeout = 10 };
                    await ping.ExecuteScalarAsync(stopping);
                }
            }
        }
        finally
        {
            cache.GoDark();
            // Pooled connections are not reset on return (see StorageRegistration): stop listening before this one goes back.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                try
                {
                    await using var unlisten = new NpgsqlCommand("unlisten *", connection);
                    await unlisten.ExecuteNonQueryAsync(CancellationToken.None);
                }
                catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
                {
                    // Broken meanwhile: the pool discards it.
                }
            }
        }
    }
}
