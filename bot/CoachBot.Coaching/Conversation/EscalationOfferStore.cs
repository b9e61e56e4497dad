using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Conversation;

/// <summary>
/// Offers to share a struggle with the manager. Nothing goes to a manager from here: this only remembers what
/// the rep was offered and what they decided, so a replayed "yes" raises once and a "no" sticks.
/// </summary>
public sealed class EscalationOfferStore(NpgsqlDataSource dataSource)
{
    public const string NeedHelp = "need_help";
    public const string LowConfidence = "low_confidence";

    public sealed record Offer(Guid DeliveryId, string Reason, string Status, string? EscalationRef);

    public async Task<Offer> OfferAsync(Guid deliveryId, string reason, long personId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into escalation_offer (delivery_id, reason, person_id, offered_at) values (@deliveryId, @reason, @personId, @at)
            on conflict (delivery_id, reason) do nothing
            """, new { deliveryId, reason, personId, at }, cancellationToken: cancellationToken));
        return (await FindAsync(deliveryId, reason, personId, cancellationToken))!;
    }

    public async Task<Offer?> FindAsync(Guid deliveryId, string reason, long personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Offer>(new CommandDefinition("""
            select delivery_id as deliveryid, reason, status, escalation_ref as escalationref from escalation_offer
            where delivery_id = @deliveryId and reason = @reason and person_id = @personId
            """, new { deliveryId, reason, personId }, cancellationToken: cancellationToken));
    }

    /// <summary>The offer whose note the rep is typing now, if they asked to add one within the last day.</summary>
    public async Task<Offer?> FindAwaitingNoteAsync(long personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<Offer>(new CommandDefinition("""
            select delivery_id as deliveryid, reason, status, escalation_ref as escalationref from escalation_offer
            where person_id = @personId and status = 'awaiting_note' and decided_at > @since
            order by decided_at desc limit 1
            """, new { personId, since = now.AddDays(-1) }, cancellationToken: cancellationToken));
    }

    /// <summary>Moves an undecided offer to <paramref name="status"/>; a shared offer never changes again.</summary>
    public async Task<bool> DecideAsync(
        Offer offer, long personId, string status, string? escalationRef, bool noteShared, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            update escalation_offer set status = @status, escalation_ref = @escalationRef, note_shared = @noteShared, decided_at = @at
            where delivery_id = @deliveryId and reason = @reason and person_id = @personId and status <> 'shared'
            """, new { offer.DeliveryId, offer.Reason, personId, status, escalationRef, noteShared, at }, cancellationToken: cancellationToken)) == 1;
    }
}
