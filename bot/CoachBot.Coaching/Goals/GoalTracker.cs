using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Goals;

/// <summary>
/// Records progress and works out where a rep stands: this period's pace and their personal records, from their own
/// rows only. Logging answers in the rep's style and celebrates a target hit, a new best or a record run once each.
/// </summary>
public sealed class GoalTracker(GoalStore store, RepScheduleStore schedules, TimeProvider time)
{
    public async Task<RepGoalCalendar> CalendarAsync(long personId, string personZone, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var schedule = await schedules.GetAsync(personId, cancellationToken);
        var holds = await schedules.GetPausePeriodsAsync(personId, now, cancellationToken);
        return RepGoalCalendar.For(schedule, personZone, now, holds);
    }

    public async Task<IReadOnlyList<GoalStanding>> StandingsAsync(long personId, RepGoalCalendar calendar, CancellationToken cancellationToken)
    {
        var all = await store.GoalsAsync(personId, includeRemoved: true, cancellationToken);
        var standings = new List<GoalStanding>();
        foreach (var goal in all.Where(g => g.RemovedAt is null))
        {
            standings.Add(await StandingAsync(personId, goal, all, calendar, cancellationToken));
        }

        return standings;
    }

    /// <summary>
    /// Standings for a whole team in four statements whatever its size (schedules, holds, goals, daily totals), for pages
    /// that list many reps; each rep's numbers are worked out exactly as <see cref="StandingsAsync"/> does for one.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<GoalStanding>>> StandingsForAsync(
        IReadOnlyDictionary<long, string> personZones, CancellationToken cancellationToken)
    {
        var ids = personZones.Keys.ToList();
        var now = time.GetUtcNow();
        var goals = await store.GoalsForAsync(ids, cancellationToken);
        var withGoals = ids.Where(id => goals[id].Any(g => g.RemovedAt is null)).ToList();
        if (withGoals.Count == 0)
        {
            return new Dictionary<long, IReadOnlyList<GoalStanding>>();
        }

        var repSchedules = await schedules.GetManyAsync(withGoals, cancellationToken);
        var holds = await schedules.GetPausePeriodsAsync(withGoals, now, cancellationToken);
        var first = withGoals.Min(id => goals[id].Min(g => g.SetAt)).AddDays(-1);
        var totals = await store.DailyTotalsForAsync(withGoals, DateOnly.FromDateTime(first.UtcDateTime), cancellationToken);
        var result = new Dictionary<long, IReadOnlyList<GoalStanding>>();
        foreach (var id in withGoals)
        {
            var calendar = RepGoalCalendar.For(repSchedules.GetValueOrDefault(id), personZones[id], now, holds[id]);
            var all = goals[id].ToList();
            result[id] = all.Where(g => g.RemovedAt is null)
                .Select(g => Standing(g, all, calendar, totals.GetValueOrDefault((id, g.Metric)) ?? new Dictionary<DateOnly, int>()))
                .ToList();
        }

        return result;
    }

    /// <summary>The seam for every source of progress (typed, button, later a CRM feed). Returns what to tell the rep, nothing for a replay.</summary>
    public async Task<IReadOnlyList<string>> RecordAsync(GoalProgressEntry entry, RepGoalCalendar calendar, CommunicationStyle? style, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await store.AddProgressAsync(entry, now, cancellationToken))
        {
            return [];
        }

        var all = await store.GoalsAsync(entry.PersonId, includeRemoved: true, cancellationToken);
        if (all.FirstOrDefault(g => g.RemovedAt is null && g.Metric == entry.Metric) is not { } goal)
        {
            return [GoalWording.Logged(style, entry.Metric, entry.Amount, null)];
        }

        var standing = await StandingAsync(entry.PersonId, goal, all, calendar, cancellationToken);
        var (reading, book, start) = (standing.Reading, standing.Records, standing.Window.Start);
        var said = new List<string> { GoalWording.Logged(style, entry.Metric, entry.Amount, reading) };
        // A backdated entry (a CRM import of last week) counts, but is not celebrated as this period's news.
        if (!standing.Window.Contains(entry.OccurredOn))
        {
            return said;
        }

        if (reading.Done >= reading.Target && await store.ClaimNoticeAsync(entry.PersonId, "target", goal.Metric, start, now, cancellationToken))
        {
            said.Add(GoalWording.TargetHit(style, reading, book.CurrentRun));
            if (book.PreviousLongestRun >= 1 && book.CurrentRun > book.PreviousLongestRun
                && await store.ClaimNoticeAsync(entry.PersonId, "run", goal.Metric, start, now, cancellationToken))
            {
                said.Add(GoalWording.LongestRun(style, goal.Period, book.CurrentRun));
            }
        }

        if (book.PreviousBest > 0 && reading.Done > book.PreviousBest
            && await store.ClaimNoticeAsync(entry.PersonId, "record", goal.Metric, start, now, cancellationToken))
        {
            said.Add(GoalWording.NewBest(style, goal.Metric, goal.Period, reading.Done, book.PreviousBest));
        }

        return said;
    }

    private async Task<GoalStanding> StandingAsync(long personId, Goal goal, IReadOnlyList<Goal> all, RepGoalCalendar calendar, CancellationToken cancellationToken)
    {
        var first = calendar.LocalDate(all.Where(g => g.Metric == goal.Metric && g.Period == goal.Period).Min(g => g.SetAt));
        var totals = await store.DailyTotalsAsync(personId, goal.Metric, goal.Period.WindowsBetween(first, calendar.Today)[0].Start, cancellationToken);
        return Standing(goal, all, calendar, totals);
    }

    private static GoalStanding Standing(Goal goal, IReadOnlyList<Goal> all, RepGoalCalendar calendar, IReadOnlyDictionary<DateOnly, int> totals)
    {
        var history = all.Where(g => g.Metric == goal.Metric && g.Period == goal.Period).ToList();
        var first = calendar.LocalDate(history.Min(g => g.SetAt));
        var windows = goal.Period.WindowsBetween(first, calendar.Today);
        var current = goal.Period.WindowOf(calendar.Today);
        var periods = windows.Select(w => new PeriodResult(
            w,
            totals.Where(t => w.Contains(t.Key)).Sum(t => t.Value),
            TargetIn(history, w, calendar),
            calendar.IsExcused(w))).ToList();
        var reading = new PaceReading(goal.Metric, goal.Period, periods[^1].Total, goal.Target, calendar.Working.ElapsedFraction(current, calendar.LocalNow));
        return new GoalStanding(goal, current, reading, GoalRecords.Calculate(periods, current));
    }

    // The target in force at the window's end: a goal replaced within it counts with its new number.
    private static int? TargetIn(IReadOnlyList<Goal> history, GoalWindow window, RepGoalCalendar calendar) =>
        history.LastOrDefault(g => calendar.LocalDate(g.SetAt) < window.End && (g.RemovedAt is not { } removed || calendar.LocalDate(removed) >= window.End))?.Target;
}
