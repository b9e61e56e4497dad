using Dapper;
using Npgsql;

namespace CoachBot.Bot.Slack;

/// <summary>
/// Records verified Slack requests once (processed_event dedupe, shared by every instance) together with the payload
/// the after-the-ack job needs, in one transaction, so a duplicate is never stored and a stored request is never lost.
/// </summary>
public sealed class SlackInboundStore(NpgsqlDataSource dataSource)
{
    public sealed record Pending(long Id, string TeamId, string Kind, string Payload);

    /// <summary>
    /// Returns the new row's id, or null when <paramref name="dedupeKey"/> was seen before (no key: always recorded). One
    /// statement, so the ack costs one round trip; committed synchronously, since the row is the only record of work Slack
    /// will not send again once acked.
    /// </summary>
    public async Task<long?> RecordAsync(string? dedupeKey, string teamId, string kind, string payloadJson, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            with fresh as (
                insert into processed_event (platform, event_id) select 'slack', @dedupeKey where @dedupeKey is not null
                on conflict do nothing returning 1)
            insert into slack_inbound (team_id, kind, payload)
            select @teamId, @kind, @payloadJson::jsonb where @dedupeKey is null or exists (select from fresh)
            returning id
            """, new { dedupeKey, teamId, kind, payloadJson }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// True the first time <paramref name="dedupeKey"/> is seen, on any instance. The marker is committed without waiting
    /// for the WAL flush (synchronous_commit off for this one transaction): it guards against a replayed command, and a
    /// PostgreSQL crash can lose at most the last few hundred milliseconds of markers, while the answer is the HTTP
    /// response itself; every write the command makes is still committed synchronously in its own transaction.
    /// </summary>
    public async Task<bool> FirstSeenAsync(string dedupeKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            insert into processed_event (platform, event_id)
            select 'slack', @dedupeKey from (select set_config('synchronous_commit', 'off', true)) as async_commit
            on conflict do nothing
            """, new { dedupeKey }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Recorded requests no run has taken yet (the lane's poll), oldest first; the youngest are left to their recorder.</summary>
    public async Task<IReadOnlyList<long>> ListUnclaimedAsync(TimeSpan olderThan, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(new CommandDefinition("""
            select id from slack_inbound
            where processed_at is null and claimed_at is null and outcome is null and received_at < now() - @olderThan
            order by received_at limit @limit
            """, new { olderThan, limit }, cancellationToken: cancellationToken));
        return ids.ToList();
    }

    /// <summary>A lane run failed and Hangfire retries it: the poll must not take the row again meanwhile.</summary>
    public async Task MarkRetryingAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update slack_inbound set outcome = 'retrying' where id = @id and processed_at is null", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Takes the row for one run; null when it is done or another run holds a fresh claim (a sweep re-enqueued it). The
    /// claim is committed without waiting for the WAL flush: it is only a lease, and a crash of PostgreSQL that loses it
    /// also loses nothing the run did after it (WAL is flushed in order, so a durable completion makes the claim durable
    /// too); the row is simply claimed again, as after a claim that lapsed.
    /// </summary>
    public async Task<Pending?> ClaimAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Pending>(new CommandDefinition("""
            update slack_inbound set claimed_at = now()
            from (select set_config('synchronous_commit', 'off', true)) as async_commit
            where id = @id and processed_at is null and (claimed_at is null or claimed_at < now() - interval '5 minutes')
            returning id, team_id as TeamId, kind, payload::text as Payload
            """, new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Lets the next retry take the row at once after a failed run.</summary>
    public async Task ReleaseAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update slack_inbound set claimed_at = null where id = @id and processed_at is null", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Marks the work done and drops the payload (it holds people's words). Returns false if another run got there first.</summary>
    public async Task<bool> CompleteAsync(long id, string outcome, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "update slack_inbound set processed_at = now(), outcome = @outcome, payload = null where id = @id and processed_at is null",
            new { id, outcome }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Rows whose job never ran (the process died between recording and enqueueing), or whose run died holding its claim
    /// (the database went away mid-run, so the claim could not be released, and Hangfire may have used up its retries).
    /// </summary>
    public async Task<IReadOnlyList<long>> ListStrandedAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(new CommandDefinition("""
            select id from slack_inbound
            where processed_at is null and received_at < now() - @olderThan
              and (claimed_at is null or claimed_at < now() - interval '5 minutes')
            order by id limit 500
            """,
            new { olderThan }, cancellationToken: cancellationToken));
        return ids.ToList();
    }

    /// <summary>Forgets Slack dedupe keys once Slack's retries are long over, and finished requests after a week.</summary>
    public async Task<int> PruneAsync(TimeSpan keepDedupeKeys, TimeSpan keepFinished, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            delete from processed_event where platform = 'slack' and received_at < now() - @keepDedupeKeys;
            delete from slack_inbound where processed_at < now() - @keepFinished;
            """, new { keepDedupeKeys, keepFinished }, cancellationToken: cancellationToken));
    }
}
