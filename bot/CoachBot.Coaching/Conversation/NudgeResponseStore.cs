using CoachBot.Coaching.Profiles;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Conversation;

/// <summary>
/// Nudge button presses, one row per delivery: the state a redrawn nudge shows. Replays are harmless: timestamps keep
/// their first value and a rating keeps the latest. "Learning what works" is read from nudge_history, which
/// <see cref="NudgeResponses"/> also updates; sent_at is copied here so the rep's export shows how fast they answered.
/// </summary>
public sealed class NudgeResponseStore(NpgsqlDataSource dataSource)
{
    public sealed record State(bool Done, bool Snoozed, bool NeedHelp, int? Rating);

    /// <summary>Records a press; returns null when the delivery belongs to someone else.</summary>
    public async Task<State?> RecordAsync(
        Guid deliveryId, long personId, string actionId, int? rating, CommunicationStyle? style, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<State>(new CommandDefinition("""
            insert into nudge_response (delivery_id, person_id, rendered_style, sent_at, first_answered_at, done_at, snoozed_at, help_at, rating, rated_at)
            values (@deliveryId, @personId, @style,
                coalesce((select sent_at from nudge_delivery where id = @deliveryId), (select sent_at from nudge_history where delivery_id = @deliveryId)),
                @at,
                case when @action = 'nudge.done' then @at end,
                case when @action = 'nudge.snooze' then @at end,
                case when @action = 'nudge.help' then @at end,
                @rating::smallint,
                case when @rating::smallint is not null then @at end)
            on conflict (delivery_id) do update set
                done_at = coalesce(nudge_response.done_at, excluded.done_at),
                snoozed_at = coalesce(nudge_response.snoozed_at, excluded.snoozed_at),
                help_at = coalesce(nudge_response.help_at, excluded.help_at),
                rating = coalesce(excluded.rating, nudge_response.rating),
                rated_at = coalesce(excluded.rated_at, nudge_response.rated_at)
            where nudge_response.person_id = excluded.person_id
            returning done_at is not null as done, snoozed_at is not null as snoozed, help_at is not null as needhelp, rating::int as rating
            """,
            new { deliveryId, personId, style = style?.ToDbValue(), at, action = actionId, rating = (short?)rating },
            cancellationToken: cancellationToken));
    }
}
