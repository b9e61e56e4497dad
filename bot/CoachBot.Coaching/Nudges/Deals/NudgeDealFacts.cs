using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Nudges.Deals;

/// <summary>
/// The deal a delivery's nudge is about (nudge_deal_fact, migration 1630), stored when it is chosen so a retried or
/// snoozed delivery names the same deal with the same numbers, even after the next sync.
/// </summary>
public sealed class NudgeDealFacts(NpgsqlDataSource dataSource)
{
    public async Task RecordAsync(long personId, Guid deliveryId, DealFact fact, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into nudge_deal_fact (delivery_id, person_id, deal_external_id, deal_name, stage, days, moves, recorded_at)
            values (@deliveryId, @personId, @DealId, @DealName, @Stage, @Days, @Moves, @now)
            on conflict (delivery_id) do nothing
            """, new { deliveryId, personId, fact.DealId, fact.DealName, fact.Stage, fact.Days, fact.Moves, now = now.UtcDateTime },
            cancellationToken: cancellationToken));
    }

    /// <summary>The fact of this delivery, or of the nudge it re-delivers ("Remind me later").</summary>
    public async Task<DealFact?> FindAsync(Guid deliveryId, DealSignal signal, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<(string DealId, string DealName, string Stage, int Days, int Moves)?>(new CommandDefinition("""
            select deal_external_id, deal_name, stage, days, moves from nudge_deal_fact
            where delivery_id = @deliveryId or delivery_id = (select parent_id from nudge_delivery where id = @deliveryId)
            order by delivery_id = @deliveryId desc limit 1
            """, new { deliveryId }, cancellationToken: cancellationToken));
        return row is { } r ? new DealFact(signal, r.DealId, r.DealName, r.Stage, r.Days, r.Moves) : null;
    }
}
