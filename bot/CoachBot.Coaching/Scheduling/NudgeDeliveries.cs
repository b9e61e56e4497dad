using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Scheduling;

/// <summary>
/// What the conversation tells the delivery ledger: a rep answered a nudge (pressed a button or replied), so its
/// follow-up is not sent. Idempotent: the first answer time is kept.
/// </summary>
public sealed class NudgeDeliveries(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Marks the delivery answered; answering a follow-up also answers the nudge it followed. False if unknown.</summary>
    public async Task<bool> MarkAnsweredAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update nudge_delivery set answered_at = coalesce(answered_at, $2), updated_at = now()
            where id = $1 or id = (select parent_id from nudge_delivery where id = $1)
            """);
        command.Parameters.AddWithValue(deliveryId);
        command.Parameters.AddWithValue(clock.GetUtcNow().UtcDateTime);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>The person a delivery was sent to, or null when there is no such delivery.</summary>
    public async Task<long?> OwnerAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select person_id from nudge_delivery where id = $1");
        command.Parameters.AddWithValue(deliveryId);
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    /// <summary>
    /// "Remind me later": the sent, unanswered nudge comes back at <paramref name="at"/> as its one follow-up (the
    /// follow-up tick sends it; answering first cancels it). False when it was answered, or already came back once.
    /// </summary>
    public async Task<bool> RemindLaterAsync(Guid deliveryId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update nudge_delivery n set follow_up_due_at = $2, updated_at = now()
            where n.id = $1 and n.kind = 'nudge' and n.status = 'sent' and n.answered_at is null
              and not exists (select 1 from nudge_delivery c where c.parent_id = n.id)
            """);
        command.Parameters.AddWithValue(deliveryId);
        command.Parameters.AddWithValue(at.UtcDateTime);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>When the rep was last sent a nudge or follow-up, or null if never.</summary>
    public async Task<DateTimeOffset?> LastSentAtAsync(long personId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select max(sent_at) from nudge_delivery where person_id = $1 and status = 'sent'");
        command.Parameters.AddWithValue(personId);
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime at ? Utc(at) : null;
    }

    /// <summary>For free-text replies that carry no delivery id: answers the rep's latest sent, unanswered nudge.</summary>
    public async Task<Guid?> MarkLatestAnsweredAsync(long personId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update nudge_delivery set answered_at = $2, updated_at = now()
            where id = (select id from nudge_delivery
                        where person_id = $1 and kind = 'nudge' and status = 'sent' and answered_at is null
                        order by slot_at desc limit 1)
            returning id
            """);
        command.Parameters.AddWithValue(personId);
        command.Parameters.AddWithValue(clock.GetUtcNow().UtcDateTime);
        return await command.ExecuteScalarAsync(cancellationToken) as Guid?;
    }

    /// <summary>Nudges (not follow-ups) actually sent to the rep, since <paramref name="since"/> when given, oldest first.</summary>
    public async Task<IReadOnlyList<SentNudge>> SentSinceAsync(long personId, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid Id, DateTime SentAt, DateTime? AnsweredAt)>(new CommandDefinition("""
            select id, sent_at, answered_at from nudge_delivery
            where person_id = @personId and kind = 'nudge' and status = 'sent' and (@since::timestamptz is null or sent_at >= @since)
            order by sent_at, id
            """, new { personId, since = since?.UtcDateTime }, cancellationToken: cancellationToken));
        return rows.Select(r => new SentNudge(r.Id, Utc(r.SentAt), r.AnsweredAt is { } a ? Utc(a) : null)).ToList();
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
