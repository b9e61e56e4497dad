using Dapper;
using CoachBot.Bot.Hosting;
using Npgsql;

namespace CoachBot.Bot.Slack;

/// <summary>
/// Records verified Slack requests once (processed_event dedupe, shared by every instance) together with the payload
/// the after-the-ack job needs, in one transaction, so a duplicate is never stored and a stored request is never lost.
/// </summary>
public sealed class SlackInboundStore : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly WriteCoalescer<Arrival, long?> recorder;
    private readonly WriteCoalescer<string, bool> markers;
    private readonly WriteCoalescer<(long Id, string Outcome), bool> completions;
    private readonly WriteCoalescer<long, Pending?> claims;

    public SlackInboundStore(NpgsqlDataSource dataSource)
    {
        this.dataSource = dataSource;
        recorder = new WriteCoalescer<Arrival, long?>(RecordBatchAsync, IsItemFault);
        markers = new WriteCoalescer<string, bool>(MarkBatchAsync, IsItemFault);
        completions = new WriteCoalescer<(long Id, string Outcome), bool>(CompleteBatchAsync, IsItemFault);
        claims = new WriteCoalescer<long, Pending?>(ClaimBatchAsync, IsItemFault);
    }

    public sealed record Pending(long Id, string TeamId, string Kind, string Payload);

    private sealed record Arrival(string? DedupeKey, string TeamId, string Kind, string PayloadJson);

    /// <summary>
    /// Returns the new row's id, or null when <paramref name="dedupeKey"/> was seen before (no key: always recorded).
    /// Committed synchronously, since the row is the only record of work Slack will not send again once acked; requests
    /// acked at the same moment share one statement and so one WAL flush (<see cref="WriteCoalescer{TItem,TResult}"/>).
    /// </summary>
    public Task<long?> RecordAsync(string? dedupeKey, string teamId, string kind, string payloadJson, CancellationToken cancellationToken) =>
        recorder.WriteAsync(new Arrival(dedupeKey, teamId, kind, payloadJson), cancellationToken);

    /// <summary>
    /// True the first time <paramref name="dedupeKey"/> is seen, on any instance. The marker is committed without waiting
    /// for the WAL flush (synchronous_commit off for this one transaction): it guards against a replayed command, and a
    /// PostgreSQL crash can lose at most the last few hundred milliseconds of markers, while the answer is the HTTP
    /// response itself; every write the command makes is still committed synchronously in its own transaction.
    /// </summary>
    public Task<bool> FirstSeenAsync(string dedupeKey, CancellationToken cancellationToken) => markers.WriteAsync(dedupeKey, cancellationToken);

    private async Task<IReadOnlyList<long?>> RecordBatchAsync(IReadOnlyList<Arrival> batch, CancellationToken cancellationToken)
    {
        // Ids are drawn before the insert so each can be handed back to its own request; within a batch only the first of
        // two requests with one key is stored, as the second would have been by a later statement.
        await using var command = dataSource.CreateCommand("""
            with input as (
                select key, team, kind, payload, n from unnest($1::text[], $2::text[], $3::text[], $4::text[]) with ordinality as t(key, team, kind, payload, n)),
            fresh as (
                insert into processed_event (platform, event_id) select distinct 'slack', key from input where key is not null
                on conflict do nothing returning event_id),
            chosen as materialized (
                select i.n, nextval(pg_get_serial_sequence('slack_inbound', 'id')) as id, i.team, i.kind, i.payload from input i
                where i.key is null
                   or (i.key in (select event_id from fresh) and i.n = (select min(j.n) from input j where j.key = i.key))),
            stored as (
                insert into slack_inbound (id, team_id, kind, payload) overriding system value
                select id, team, kind, payload::jsonb from chosen returning id)
            select n, id from chosen
            """);
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = batch.Select(a => a.DedupeKey).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = batch.Select(a => a.TeamId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = batch.Select(a => a.Kind).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = batch.Select(a => a.PayloadJson).ToArray() });
        var ids = new long?[batch.Count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[reader.GetInt64(0) - 1] = reader.GetInt64(1);
        }

        return ids;
    }

    private async Task<IReadOnlyList<bool>> MarkBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            with input as (select key, n from unnest($1::text[]) with ordinality as t(key, n)),
            fresh as (
                insert into processed_event (platform, event_id)
                select distinct 'slack', key from input, (select set_config('synchronous_commit', 'off', true)) as async_commit
                on conflict do nothing returning event_id)
            select min(i.n) from input i join fresh f on f.event_id = i.key group by i.key
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = keys.ToArray() });
        var first = new bool[keys.Count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            first[reader.GetInt64(0) - 1] = true;
        }

        return first;
    }

    // A statement error may come from one request's data (a payload PostgreSQL will not take as jsonb); anything else is
    // the database itself and fails the batch as a whole.
    private static bool IsItemFault(Exception ex) => ex is PostgresException { SqlState: not ("57P01" or "57P02" or "57P03" or "53300") };

    public async ValueTask DisposeAsync()
    {
        await recorder.DisposeAsync();
        await markers.DisposeAsync();
        await completions.DisposeAsync();
        await claims.DisposeAsync();
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
    public Task<Pending?> ClaimAsync(long id, CancellationToken cancellationToken) => claims.WriteAsync(id, cancellationToken);

    private async Task<IReadOnlyList<Pending?>> ClaimBatchAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update slack_inbound set claimed_at = now()
            from (select set_config('synchronous_commit', 'off', true)) as async_commit
            where id = any($1) and processed_at is null and (claimed_at is null or claimed_at < now() - interval '5 minutes')
            returning id, team_id, kind, payload::text
            """);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = ids.Distinct().ToArray() });
        var taken = new Dictionary<long, Pending>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                taken[id] = new Pending(id, reader.GetString(1), reader.GetString(2), reader.GetString(3));
            }
        }

        // Two runs claiming one row in one batch: the first gets it, as the second would have found it claimed.
        return ids.Select(id => taken.Remove(id, out var pending) ? pending : null).ToList();
    }

    /// <summary>Lets the next retry take the row at once after a failed run.</summary>
    public async Task ReleaseAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update slack_inbound set claimed_at = null where id = @id and processed_at is null", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Marks the work done and drops the payload (it holds people's words). Returns false if another run got there first.
    /// Committed synchronously (a lost completion would send the reply twice); completions that finish together share one.
    /// </summary>
    public Task<bool> CompleteAsync(long id, string outcome, CancellationToken cancellationToken) =>
        completions.WriteAsync((id, outcome), cancellationToken);

    private async Task<IReadOnlyList<bool>> CompleteBatchAsync(IReadOnlyList<(long Id, string Outcome)> batch, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update slack_inbound s set processed_at = now(), outcome = d.outcome, payload = null
            from (select distinct on (id) id, outcome from unnest($1::bigint[], $2::text[]) as t(id, outcome)) as d
            where s.id = d.id and s.processed_at is null
            returning s.id
            """);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = batch.Select(c => c.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = batch.Select(c => c.Outcome).ToArray() });
        var done = new HashSet<long>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                done.Add(reader.GetInt64(0));
            }
        }

        // Two runs completing one row in one batch: only the first is told it did.
        return batch.Select(c => done.Remove(c.Id)).ToList();
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
