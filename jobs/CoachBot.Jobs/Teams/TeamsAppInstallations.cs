using CoachBot.Coaching.Managers;
using Dapper;
using Npgsql;

namespace CoachBot.Jobs.Teams;

/// <summary>
/// The teams_app_installation table: who to install for, claimed so that re-runs and other instances skip them, and
/// each person's outcome. A candidate is a Teams person CoachBot cannot reach for a reason an install fixes, or has
/// never had a chat with.
/// </summary>
public sealed class TeamsAppInstallations(NpgsqlDataSource dataSource)
{
    private static readonly string[] Fixable =
        ["not-installed", "403 BotNotInConversationRoster", "403 ForbiddenOperationException", "404 ConversationNotFound", "marked-unreachable"];

    public async Task<IReadOnlyList<Candidate>> ClaimAsync(string tenantId, Guid runId, int batchSize, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var claimed = await connection.QueryAsync<Candidate>(new CommandDefinition("""
            with candidates as (
                select p.id, p.platform_user_id from person p join workspace w on w.id = p.workspace_id
                where w.platform = 'teams' and w.external_id = @tenantId and w.disabled_at is null
                  and ((not p.reachable and (p.unreachable_reason is null or p.unreachable_reason = any(@fixable) or p.unreachable_reason like 'graph:%'))
                    or (p.reachable
                        and not exists (select 1 from teams_conversation_reference r where r.tenant_id = @tenantId
                                        and r.aad_object_id = p.platform_user_id and r.conversation_type = 'personal')
                        and not exists (select 1 from teams_member m where m.tenant_id = @tenantId and m.aad_object_id = p.platform_user_id)))
                  and not exists (select 1 from teams_app_installation i where i.person_id = p.id and (i.run_id = @runId or i.claimed_until > now()))
                order by p.id limit @batchSize
                for update of p skip locked),
            claimed as (
                insert into teams_app_installation as i (person_id, state, run_id, claimed_until)
                select id, 'installing', @runId, now() + @claimFor from candidates
                on conflict (person_id) do update set state = 'installing', run_id = excluded.run_id, claimed_until = excluded.claimed_until,
                    attempts = i.attempts + 1, updated_at = now()
                where i.run_id <> excluded.run_id and (i.claimed_until is null or i.claimed_until <= now())
                returning person_id)
            select c.id as PersonId, c.platform_user_id as AadObjectId from candidates c join claimed on claimed.person_id = c.id order by c.id
            """, new { tenantId, runId, batchSize, claimFor, fixable = Fixable }, cancellationToken: cancellationToken));
        return [.. claimed];
    }

    public async Task InstalledAsync(long personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update teams_app_installation set state = 'installed', reason = null, claimed_until = null, updated_at = now() where person_id = @personId",
            new { personId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records the failure. The person's reason is updated when they were already unreachable; someone never reached is
    /// marked unreachable only for a failure about them (not found, blocked by policy). True when that is a new loss.
    /// </summary>
    public async Task<bool> FailedAsync(long personId, string reason, CancellationToken cancellationToken)
    {
        var aboutThem = reason is ReachAdvice.GraphUserNotFound or ReachAdvice.GraphBlockedByPolicy;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            update teams_app_installation set state = 'failed', reason = @reason, claimed_until = null, updated_at = now() where person_id = @personId;
            with before as (select id, reachable from person where id = @personId for update)
            update person p set reachable = false, unreachable_reason = @reason, updated_at = now()
            from before b where p.id = b.id and (not b.reachable or @aboutThem)
            returning b.reachable
            """, new { personId, reason, aboutThem }, cancellationToken: cancellationToken));
    }

    public sealed record Candidate(long PersonId, string AadObjectId);
}
