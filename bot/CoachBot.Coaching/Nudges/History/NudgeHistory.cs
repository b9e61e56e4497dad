using CoachBot.Coaching.Learning;
using CoachBot.Coaching.Profiles;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Nudges.History;

/// <summary>
/// The nudge_history table. Writes are idempotent: a delivery is recorded once (a retry gets the first record back), and
/// replaying the same response leaves the row as it was.
/// </summary>
public sealed class NudgeHistory(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        person_id, delivery_id, intent_id, library_version, style, style_assumed, skill, sent_at,
        answered_at, response, confidence, response_seconds, style_reason
        """;

    // A follow-up is a ledger row of its own (parent_id = the nudge) with no history row: it restates, and is answered
    // for, the nudge it follows.
    private const string DeliveryOrItsNudge =
        "(delivery_id = @deliveryId or delivery_id = (select parent_id from nudge_delivery where id = @deliveryId))";

    /// <summary>Records what is being sent for a delivery; returns the stored record, which is the earlier one on a retry.</summary>
    public async Task<NudgeRecord> RecordSentAsync(NudgeRecord sent, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into nudge_history (person_id, delivery_id, intent_id, library_version, style, style_assumed, skill, sent_at, style_reason)
            values (@PersonId, @DeliveryId, @IntentId, @LibraryVersion, @style, @StyleAssumed, @skill, @SentAt, @reason)
            on conflict (delivery_id) do nothing
            """,
            new { sent.PersonId, sent.DeliveryId, sent.IntentId, sent.LibraryVersion, style = sent.Style.ToDbValue(), sent.StyleAssumed, skill = sent.Skill.ToDbValue(), SentAt = sent.SentAt.ToUniversalTime(),
                reason = (sent.Reason ?? (sent.StyleAssumed ? StyleReason.Assumed : StyleReason.Declared)).ToDbValue() },
            cancellationToken: cancellationToken));
        return (await FindAsync(sent.DeliveryId, cancellationToken))!;
    }

    /// <summary>
    /// Records an answer to a nudge or to its follow-up. The first answer of any kind sets answered_at and response_seconds;
    /// a rating sets confidence and keeps the earlier answer. Returns false for an unknown delivery.
    /// </summary>
    public async Task<bool> RecordResponseAsync(Guid deliveryId, NudgeResponse response, int? confidence, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (confidence is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence is 1 to 5.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition($"""
            update nudge_history set
                answered_at = coalesce(answered_at, @at),
                response_seconds = coalesce(response_seconds, greatest(0, extract(epoch from (@at - sent_at)))::integer),
                response = case when @response = 'rated' then coalesce(response, 'rated') else @response end,
                confidence = coalesce(@confidence, confidence)
            where {DeliveryOrItsNudge}
            """,
            new { deliveryId, response = ToDb(response), confidence = (short?)confidence, at = at.ToUniversalTime() },
            cancellationToken: cancellationToken));
        return updated > 0;
    }

    /// <summary>The record for a nudge delivery, or for the nudge a follow-up delivery follows.</summary>
    public async Task<NudgeRecord?> FindAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"select {Columns} from nudge_history where {DeliveryOrItsNudge} order by delivery_id = @deliveryId desc limit 1",
            new { deliveryId }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    /// <summary>The rep's most recent nudges, newest first: enough for the repeat window and skill rotation.</summary>
    public async Task<IReadOnlyList<NudgeRecord>> RecentAsync(long personId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"select {Columns} from nudge_history where person_id = @personId order by sent_at desc, id desc limit @limit",
            new { personId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// <summary>Learning what works: per style rendering since <paramref name="since"/>, for the weekly brief and later tuning.</summary>
    public async Task<IReadOnlyList<StyleResponseSummary>> SummarizeByStyleAsync(long personId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Style, long Sent, long Answered, double? Median, double? Confidence)>(new CommandDefinition("""
            select style, count(*), count(answered_at),
                   percentile_cont(0.5) within group (order by response_seconds), avg(confidence)::float8
            from nudge_history where person_id = @personId and sent_at >= @since
            group by style order by style
            """, new { personId, since = since.ToUniversalTime() }, cancellationToken: cancellationToken));
        return rows.Select(r => new StyleResponseSummary(CommunicationStyles.FromDbValue(r.Style)!.Value, (int)r.Sent, (int)r.Answered, r.Median, r.Confidence)).ToList();
    }

    private static string ToDb(NudgeResponse response) => response switch
    {
        NudgeResponse.Done => "done",
        NudgeResponse.Snoozed => "snoozed",
        NudgeResponse.NeedHelp => "need_help",
        NudgeResponse.Rated => "rated",
        _ => "replied",
    };

    private sealed record Row(
        long person_id, Guid delivery_id, string intent_id, int library_version, string style, bool style_assumed, string skill,
        DateTime sent_at, DateTime? answered_at, string? response, short? confidence, int? response_seconds, string style_reason)
    {
        public NudgeRecord ToRecord() => new(
            person_id, delivery_id, intent_id, library_version, CommunicationStyles.FromDbValue(style)!.Value, style_assumed,
            FocusSkills.FromDbValue(skill)!.Value, new DateTimeOffset(sent_at, TimeSpan.Zero),
            answered_at is { } a ? new DateTimeOffset(a, TimeSpan.Zero) : null,
            response is null ? null : Enum.GetValues<NudgeResponse>().First(v => ToDb(v) == response),
            confidence, response_seconds, StyleReasons.FromDbValue(style_reason));
    }
}
