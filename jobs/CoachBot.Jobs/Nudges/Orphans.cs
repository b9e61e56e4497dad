using Npgsql;

namespace CoachBot.Jobs.Nudges;

/// <summary>
/// Finds deliveries no send job will touch again: 'sending' rows whose lease ran out (their instance was killed) and
/// 'pending' rows long past due (an enqueue lost in a crash). Abandoned sends are flagged for reconciliation.
/// </summary>
internal sealed class Orphans(NpgsqlDataSource dataSource)
{
    public async Task<List<NewDelivery>> ReclaimAsync(DateTimeOffset now, TimeSpan pendingGrace, int limit, CancellationToken cancellationToken)
    {
        // SKIP LOCKED: a row some job is claiming or deferring right now is not an orphan, and waiting on it could deadlock.
        await using var command = dataSource.CreateCommand("""
            with abandoned as (
                select id from nudge_delivery where status = 'sending' and claimed_until < $1
                order by claimed_until limit $3 for update skip locked),
            stranded as (
                select id from nudge_delivery where status = 'pending' and next_attempt_at < $2
                order by next_attempt_at limit $3 for update skip locked)
            update nudge_delivery d
            set status = 'pending', reconcile = d.reconcile or d.status = 'sending', claimed_by = null, claimed_until = null,
                next_attempt_at = $1, updated_at = now()
            where d.id in (select id from abandoned union all select id from stranded)
            returning d.id, d.workspace_id
            """);
        command.Parameters.AddWithValue(now.UtcDateTime);
        command.Parameters.AddWithValue((now - pendingGrace).UtcDateTime);
        command.Parameters.AddWithValue(limit);
        var found = new List<NewDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new NewDelivery(reader.GetGuid(0), reader.GetInt64(1)));
        }

        return found;
    }
}
