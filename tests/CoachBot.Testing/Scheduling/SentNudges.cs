using Dapper;
using Npgsql;

namespace CoachBot.Testing.Scheduling;

/// <summary>Ledger rows for a nudge the sender already delivered, for tests that start after sending.</summary>
public static class SentNudges
{
    /// <summary>A sent nudge for an existing person, with its follow-up due <paramref name="followUpAfter"/> later (default 4 h).</summary>
    public static async Task<Guid> AddSentNudgeAsync(
        this NpgsqlDataSource dataSource, long personId, DateTimeOffset sentAt, TimeSpan? followUpAfter = null, DateTimeOffset? answeredAt = null)
    {
        var id = Guid.NewGuid();
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into nudge_delivery (id, person_id, workspace_id, platform, kind, slot_at, status, attempts, sent_at, follow_up_due_at, answered_at)
            select @id, p.id, p.workspace_id, w.platform, 'nudge', @sentAt, 'sent', 1, @sentAt, @followUpDue, @answeredAt
            from person p join workspace w on w.id = p.workspace_id where p.id = @personId
            """,
            new
            {
                id, personId, sentAt = sentAt.UtcDateTime,
                followUpDue = (sentAt + (followUpAfter ?? TimeSpan.FromHours(4))).UtcDateTime, answeredAt = answeredAt?.UtcDateTime,
            }));
        return id;
    }

    /// <summary>What the composer records in nudge_history when it renders a nudge for this delivery.</summary>
    public static async Task AddHistoryAsync(
        this NpgsqlDataSource dataSource, long personId, Guid deliveryId, DateTimeOffset sentAt, string skill = "discovery", string style = "driver")
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into nudge_history (person_id, delivery_id, intent_id, library_version, style, skill, sent_at)
            values (@personId, @deliveryId, @intent, 1, @style, @skill, @sentAt)
            """, new { personId, deliveryId, intent = $"{skill}-test", style, skill, sentAt = sentAt.UtcDateTime }));
    }

    /// <summary>The sent follow-up of <paramref name="nudgeId"/>, as the follow-up tick and sender leave it.</summary>
    public static async Task<Guid> AddSentFollowUpAsync(this NpgsqlDataSource dataSource, Guid nudgeId, DateTimeOffset sentAt)
    {
        var id = Guid.NewGuid();
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into nudge_delivery (id, person_id, workspace_id, platform, kind, slot_at, parent_id, status, attempts, sent_at)
            select @id, person_id, workspace_id, platform, 'follow_up', @sentAt, id, 'sent', 1, @sentAt from nudge_delivery where id = @nudgeId
            """, new { id, nudgeId, sentAt = sentAt.UtcDateTime }));
        return id;
    }
}
