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

    /// <summary>Returns the new row's id, or null when <paramref name="dedupeKey"/> was seen before (no key: always recorded).</summary>
    public async Task<long?> RecordAsync(string? dedupeKey, string teamId, string kind, string payloadJson, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var fresh = dedupeKey is null || await connection.ExecuteAsync(new CommandDefinition(
            "insert into processed_event (platform, event_id) values ('slack', @dedupeKey) on conflict do nothing",
            new { dedupeKey }, transaction, cancellationToken: cancellationToken)) == 1;
        if (!fresh)
        {
            return null;
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "insert into slack_inbound (team_id, kind, payload) values (@teamId, @kind, @payloadJson::jsonb) returning id",
            new { teamId, kind, payloadJson }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>True the first time <paramref name="dedupeKey"/> is seen, on any instance.</summary>
    public async Task<bool> FirstSeenAsync(string dedupeKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "insert into processed_event (platform, event_id) values ('slack', @dedupeKey) on conflict do nothing",
            new { dedupeKey }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Takes the row for one run; null when it is done or another run holds a fresh claim (a sweep re-enqueued it).</summary>
    public async Task<Pending?> ClaimAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Pending>(new CommandDefinition("""
            update slack_inbound set claimed_at = now()
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
