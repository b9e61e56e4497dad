using Dapper;
using Npgsql;

namespace CoachBot.Jobs.Teams;

/// <summary>
/// The roster_install table: roster rows of a Teams tenant that no person answers to yet, claimed so that re-runs and
/// other instances skip them while `install teams` looks their email up in Graph and registers them.
/// </summary>
public sealed class RosterInstallations(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<Entry>> ClaimAsync(string tenantId, Guid runId, int batchSize, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var claimed = await connection.QueryAsync<Entry>(new CommandDefinition("""
            with candidates as (
                select r.workspace_id, r.email, r.display_name from roster_entry r join workspace w on w.id = r.workspace_id
                where w.platform = 'teams' and w.external_id = @tenantId and w.disabled_at is null
                  and not exists (select 1 from person p where p.workspace_id = r.workspace_id and lower(p.email) = r.email)
                  and not exists (select 1 from roster_install i where i.workspace_id = r.workspace_id and i.email = r.email
                                  and (i.run_id = @runId or i.claimed_until > now()))
                order by r.email limit @batchSize
                for update of r skip locked),
            claimed as (
                insert into roster_install as i (workspace_id, email, state, run_id, claimed_until)
                select workspace_id, email, 'resolving', @runId, now() + @claimFor from candidates
                on conflict (workspace_id, email) do update set state = 'resolving', run_id = excluded.run_id, claimed_until = excluded.claimed_until,
                    attempts = i.attempts + 1, updated_at = now()
                where i.run_id <> excluded.run_id and (i.claimed_until is null or i.claimed_until <= now())
                returning workspace_id, email)
            select c.workspace_id as WorkspaceId, c.email as Email, c.display_name as Name
            from candidates c join claimed on claimed.workspace_id = c.workspace_id and claimed.email = c.email order by c.email
            """, new { tenantId, runId, batchSize, claimFor }, cancellationToken: cancellationToken));
        return [.. claimed];
    }

    /// <summary>
    /// The row is a person now. Without a chat they are not reachable yet, so they are marked as the install's to fix
    /// (and listed by `unreachable` if it fails) rather than left looking reachable.
    /// </summary>
    public async Task ResolvedAsync(Entry entry, long personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            update roster_install set state = 'resolved', reason = null, person_id = @personId, claimed_until = null, updated_at = now()
            where workspace_id = @WorkspaceId and email = @Email;
            update person p set reachable = false, unreachable_reason = 'not-installed', updated_at = now()
            from workspace w
            where p.id = @personId and w.id = p.workspace_id and p.reachable
              and not exists (select 1 from teams_conversation_reference r where r.tenant_id = w.external_id
                              and r.aad_object_id = p.platform_user_id and r.conversation_type = 'personal')
              and not exists (select 1 from teams_member m where m.tenant_id = w.external_id and m.aad_object_id = p.platform_user_id)
            """, new { entry.WorkspaceId, entry.Email, personId }, cancellationToken: cancellationToken));
    }

    public async Task FailedAsync(Entry entry, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            update roster_install set state = 'failed', reason = @reason, claimed_until = null, updated_at = now()
            where workspace_id = @WorkspaceId and email = @Email
            """, new { entry.WorkspaceId, entry.Email, reason }, cancellationToken: cancellationToken));
    }

    public sealed record Entry(long WorkspaceId, string Email, string? Name);
}
