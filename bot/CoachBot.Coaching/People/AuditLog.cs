using Dapper;
using Npgsql;

namespace CoachBot.Coaching.People;

/// <summary>Writes who did what to whom, when; and answers a rep's "which managers saw my words".</summary>
public sealed class AuditLog(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task WriteAsync(long? actorId, string action, long? subjectId, string? detail, CancellationToken cancellationToken, bool refused = false)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into audit_entry (at, actor_id, action, subject_id, outcome, detail)
            values (@at, @actorId, @action, @subjectId, @outcome, @detail)
            """,
            new { at = clock.GetUtcNow().UtcDateTime, actorId, action, subjectId, outcome = refused ? "refused" : "ok", detail },
            cancellationToken: cancellationToken));
    }

    /// <summary>Who was shown the rep's shared words, newest first (actor null = posted to the managers' channel).</summary>
    public async Task<IReadOnlyList<SharedWordsView>> ListSharedWordsViewsAsync(long repId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(DateTime At, string? Actor, string Action, string? Detail)>(new CommandDefinition("""
            select a.at, p.display_name, a.action, a.detail from audit_entry a left join person p on p.id = a.actor_id
            where a.subject_id = @repId and a.action in (@seen, @posted) and a.outcome = 'ok'
            order by a.at desc, a.id desc
            """,
            new { repId, seen = AuditActions.SharedWordsSeen, posted = AuditActions.SharedWordsPosted }, cancellationToken: cancellationToken));
        return rows.Select(r => new SharedWordsView(new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)), r.Actor, r.Action, r.Detail)).ToList();
    }
}

public sealed record SharedWordsView(DateTimeOffset At, string? ManagerName, string Action, string? Detail);
