using CoachBot.Coaching.Chat;
using Npgsql;

namespace CoachBot.Testing.Scheduling;

/// <summary>Test data for scheduling: a workspace with reps and schedules, written with plain SQL.</summary>
public static class NudgeSeed
{
    public sealed record Workspace(long Id, ChatPlatform Platform, string ExternalId, IReadOnlyList<long> PersonIds);

    /// <summary>Adds a workspace and <paramref name="reps"/> sprint reps in UTC, due at <paramref name="nextDueAt"/> (null = recompute).</summary>
    public static async Task<Workspace> AddWorkspaceAsync(
        NpgsqlDataSource dataSource, ChatPlatform platform, int reps, DateTimeOffset? nextDueAt, string timeZone = "UTC", string race = "sprint")
    {
        var externalId = $"{(platform == ChatPlatform.Slack ? "T" : "tenant-")}{Guid.NewGuid():N}"[..20];
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var insertWorkspace = new NpgsqlCommand("insert into workspace (platform, external_id) values ($1, $2) returning id", connection);
        insertWorkspace.Parameters.AddWithValue(platform == ChatPlatform.Slack ? "slack" : "teams");
        insertWorkspace.Parameters.AddWithValue(externalId);
        var workspaceId = (long)(await insertWorkspace.ExecuteScalarAsync())!;

        await using var insertReps = new NpgsqlCommand("""
            with people as (
                insert into person (workspace_id, platform_user_id, display_name, time_zone)
                select $1, 'U' || g, 'Rep ' || g, $2 from generate_series(1, $3) g
                returning id),
            profiles as (insert into rep_profile (person_id, race) select id, $5 from people)
            insert into rep_schedule (person_id, workspace_id, next_due_at)
            select id, $1, $4 from people
            returning person_id
            """, connection);
        insertReps.Parameters.AddWithValue(workspaceId);
        insertReps.Parameters.AddWithValue(timeZone);
        insertReps.Parameters.AddWithValue(reps);
        insertReps.Parameters.Add(new NpgsqlParameter { Value = (object?)nextDueAt?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        insertReps.Parameters.AddWithValue(race);
        var ids = new List<long>();
        await using var reader = await insertReps.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return new Workspace(workspaceId, platform, externalId, ids.Order().ToList());
    }
}
