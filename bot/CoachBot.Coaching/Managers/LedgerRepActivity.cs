using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Profiles;
using CoachBot.Coaching.Scheduling;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Managers;

/// <summary>
/// The weekly brief's numbers: nudges sent and answered from the delivery ledger, the rep's own streak, and the skills
/// of the nudges they answered (from nudge_history). Never the rep's words.
/// </summary>
public sealed class LedgerRepActivity(NpgsqlDataSource dataSource, NudgeDeliveries deliveries, RepStreaks streaks) : IRepActivitySource
{
    public async Task<RepActivity?> GetAsync(long repId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var sent = await deliveries.SentSinceAsync(repId, since, cancellationToken);
        var streak = await streaks.ForAsync(repId, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var skills = await connection.QueryAsync<string>(new CommandDefinition("""
            select skill from nudge_history
            where person_id = @repId and answered_at is not null and sent_at >= @since
            group by skill order by count(*) desc, skill
            """, new { repId, since = since.UtcDateTime }, cancellationToken: cancellationToken));
        var topics = skills.Select(FocusSkills.FromDbValue).OfType<FocusSkill>().Select(s => s.Label()).ToList();
        return new RepActivity(sent.Count, sent.Count(n => n.Answered), streak.Current, topics);
    }
}
