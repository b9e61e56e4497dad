using Dapper;
using Npgsql;

namespace CoachBot.Platforms.Teams;

/// <summary>Inbound dedupe in processed_event, across instances: Teams resends an activity it got no timely answer for.</summary>
public sealed class ProcessedActivities(NpgsqlDataSource dataSource)
{
    private const string Platform = "teams";

    /// <summary>True the first time <paramref name="eventId"/> is seen.</summary>
    public async Task<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "insert into processed_event (platform, event_id) values (@Platform, @eventId) on conflict do nothing",
            new { Platform, eventId }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Gives a claim back after its work failed, so Teams' (or the person's) next delivery is processed, not ignored.</summary>
    public async Task ReleaseAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "delete from processed_event where platform = @Platform and event_id = @eventId",
            new { Platform, eventId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// True unless <paramref name="eventId"/> was claimed within <paramref name="window"/>: an install sends both
    /// installationUpdate and conversationUpdate, and the person should be welcomed once, not twice.
    /// </summary>
    public async Task<bool> TryClaimWithinAsync(string eventId, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            insert into processed_event as p (platform, event_id) values (@Platform, @eventId)
            on conflict (platform, event_id) do update set received_at = now() where p.received_at < now() - @window
            """, new { Platform, eventId, window }, cancellationToken: cancellationToken)) == 1;
    }
}
