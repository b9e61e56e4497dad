using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Goals;
using Dapper;
using Npgsql;

namespace CoachBot.Bot.WebConsole.Pages;

/// <summary>
/// Everything the Team page shows, for any number of reps, in one round trip of set-based statements (the roster with
/// profile and schedule, weekly answer counts, the sent nudges and pauses streaks are counted over), plus the goal
/// standings with their records from <see cref="GoalTracker.StandingsForAsync"/> (four more statements, whatever the
/// team's size). Counts and dates only: never a reply, a note or the rep's free-text goal.
/// </summary>
public sealed class TeamQuery(NpgsqlDataSource dataSource, GoalTracker goals, TimeProvider time)
{
    public const int TrendWeeks = 8;

    public sealed record RepRow(
        long Id, string Name, string TimeZone, string? Style, string Race, bool Reachable, string? UnreachableReason,
        DateTimeOffset? NextDueAt, bool Paused, bool Stopped, IReadOnlyList<(int Sent, int Answered)> Weeks,
        StreakCalculator.Streaks Streak, int BestWeekAnswered, IReadOnlyList<GoalStanding> Goals);

    public async Task<IReadOnlyList<RepRow>> RepsAsync(long[] personIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql,
            new { ids = personIds, now = now.UtcDateTime, from = now.AddDays(-7 * TrendWeeks).UtcDateTime },
            cancellationToken: cancellationToken));
        var people = (await results.ReadAsync<PersonRow>()).ToList();
        var weeks = (await results.ReadAsync<(long PersonId, int WeeksBack, int Sent, int Answered)>()).ToLookup(w => w.PersonId);
        var sent = (await results.ReadAsync<(long PersonId, DateTime SentAt, bool Answered)>()).ToLookup(s => s.PersonId);
        var pauses = (await results.ReadAsync<(long PersonId, DateTime From, DateTime? Until)>()).ToLookup(p => p.PersonId);

        var rows = people.Select(p =>
        {
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(p.time_zone, out var found) ? found : TimeZoneInfo.Utc;
            var today = LocalDay(now.UtcDateTime, zone);
            var byWeek = weeks[p.id].ToDictionary(w => w.WeeksBack);
            var trend = Enumerable.Range(0, TrendWeeks).Reverse()
                .Select(back => byWeek.TryGetValue(back, out var w) ? (w.Sent, w.Answered) : (0, 0)).ToList();
            // The same excused days as the rep's own `streak` (pauses, snoozes, vacation, public holidays).
            var days = sent[p.id].Select(s => new StreakCalculator.SentNudge(LocalDay(s.SentAt, zone), s.Answered)).ToList();
            var excused = days.Count == 0 ? [] : StreakExcuses.Days(
                zone,
                pauses[p.id].Select(x => (Utc(x.From), x.Until is { } until ? Utc(until) : now)),
                p.vacation_from, p.vacation_until, p.holiday_country, days[0].Day.Year, today.Year);
            var streak = StreakCalculator.Calculate(new StreakCalculator.Input(days, excused, today));
            DateTimeOffset? next = p.next_due_at is { } due && due != DateTime.MaxValue ? new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)) : null;
            return new RepRow(p.id, p.display_name, p.time_zone, p.style, p.race, p.reachable, p.unreachable_reason, next, p.paused, p.stopped,
                trend, streak, weeks[p.id].Select(w => w.Answered).DefaultIfEmpty(0).Max(), []);
        }).ToList();
        var standings = await goals.StandingsForAsync(rows.ToDictionary(r => r.Id, r => r.TimeZone), cancellationToken);
        return [.. rows.Select(r => standings.TryGetValue(r.Id, out var mine) ? r with { Goals = mine } : r)];
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    // The rep's zone is applied here, not in SQL: a zone name PostgreSQL does not know must not break the whole page.
    private static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    private const string Sql = """
        select p.id, p.display_name, p.time_zone, p.reachable, p.unreachable_reason, rp.style, coalesce(rp.race, 'middle') as race,
               rs.next_due_at, coalesce(rs.paused, false) as paused, coalesce(rs.stopped, false) as stopped, rs.vacation_from, rs.vacation_until,
               rs.holiday_country
        from person p left join rep_profile rp on rp.person_id = p.id left join rep_schedule rs on rs.person_id = p.id
        where p.id = any(@ids) and p.role = 'rep'
        order by p.display_name, p.id;

        select person_id, floor(extract(epoch from (@now - sent_at)) / 604800)::int as weeks_back,
               count(*)::int as sent, count(answered_at)::int as answered
        from nudge_history where person_id = any(@ids) and sent_at >= @from and sent_at <= @now
        group by 1, 2;

        select d.person_id, d.sent_at, d.answered_at is not null as answered
        from nudge_delivery d
        where d.person_id = any(@ids) and d.kind = 'nudge' and d.status = 'sent' and d.sent_at is not null
        order by d.person_id, d.sent_at;


        select person_id, from_at, until_at from rep_pause_period where person_id = any(@ids) order by person_id, from_at;
        """;

    private sealed class PersonRow
    {
        public long id { get; set; }
        public string display_name { get; set; } = "";
        public string time_zone { get; set; } = "UTC";
        public bool reachable { get; set; }
        public string? unreachable_reason { get; set; }
        public string? style { get; set; }
        public string race { get; set; } = "middle";
        public DateTime? next_due_at { get; set; }
        public bool paused { get; set; }
        public bool stopped { get; set; }
        public DateOnly? vacation_from { get; set; }
        public DateOnly? vacation_until { get; set; }
        public string? holiday_country { get; set; }
    }
}
