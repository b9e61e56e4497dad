using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;
using CoachBot.Coaching.Scheduling;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Managers;

/// <summary>
/// The weekly brief's numbers: nudges sent and answered from the delivery ledger, the rep's own streak, the skills of the
/// nudges they answered and left (from nudge_history), four weeks of answers and confidence, and their goals. Never the rep's words.
/// </summary>
public sealed class LedgerRepActivity(NpgsqlDataSource dataSource, NudgeDeliveries deliveries, RepStreaks streaks, GoalTracker goals, PersonDirectory people)
    : IRepActivitySource
{
    private const int TrendWeeks = 4;

    public async Task<RepActivity?> GetAsync(long repId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var sent = await deliveries.SentSinceAsync(repId, since, cancellationToken);
        var streak = await streaks.ForAsync(repId, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var skills = (await connection.QueryAsync<(string Skill, bool Answered)>(new CommandDefinition("""
            select skill, answered_at is not null as answered from nudge_history
            where person_id = @repId and sent_at >= @since
            group by skill, answered_at is not null order by count(*) desc, skill
            """, new { repId, since = since.UtcDateTime }, cancellationToken: cancellationToken))).ToList();
        var weeks = await WeeksAsync(connection, repId, since, cancellationToken);
        var answeredTopics = Labels(skills.Where(s => s.Answered).Select(s => s.Skill));
        var person = await people.GetAsync(repId, cancellationToken);
        IReadOnlyList<GoalStanding> standings = person is null ? []
            : await goals.StandingsAsync(repId, await goals.CalendarAsync(repId, person.TimeZone, cancellationToken), cancellationToken);
        return new RepActivity(sent.Count, sent.Count(n => n.Answered), streak.Current, answeredTopics)
        {
            LeftTopics = Labels(skills.Where(s => !s.Answered).Select(s => s.Skill)).Except(answeredTopics).ToList(),
            Weeks = weeks,
            Goals = standings,
        };
    }

    // Week 0 is the brief's own week (since … now); earlier weeks are the 7 days before each.
    private static async Task<IReadOnlyList<WeekEngagement>> WeeksAsync(NpgsqlConnection connection, long repId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<WeekRow>(new CommandDefinition("""
            select floor(extract(epoch from (@since - sent_at)) / 604800)::int + 1 as weeks_back,
                   count(*)::int as sent, count(answered_at)::int as answered, avg(confidence)::float8 as confidence
            from nudge_history where person_id = @repId and sent_at >= @from
            group by 1
            """, new { repId, since = since.UtcDateTime, from = since.AddDays(-7 * (TrendWeeks - 1)).UtcDateTime }, cancellationToken: cancellationToken)))
            .ToDictionary(r => Math.Max(0, r.weeks_back));
        return Enumerable.Range(0, TrendWeeks).Reverse()
            .Select(back => rows.TryGetValue(back, out var r) ? new WeekEngagement(r.sent, r.answered, r.confidence) : new WeekEngagement(0, 0, null))
            .ToList();
    }

    private static List<string> Labels(IEnumerable<string> skills) =>
        skills.Distinct().Select(FocusSkills.FromDbValue).OfType<FocusSkill>().Select(s => s.Label()).ToList();

    private sealed class WeekRow
    {
        public int weeks_back { get; set; }
        public int sent { get; set; }
        public int answered { get; set; }
        public double? confidence { get; set; }
    }
}
