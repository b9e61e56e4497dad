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
        var history = all.Where(g => g.Metric == goal.Metric && g.Period == goal.Period).ToList();
        var first = calendar.LocalDate(history.Min(g => g.SetAt));
        var windows = goal.Period.WindowsBetween(first, calendar.Today);
        var totals = await store.DailyTotalsAsync(personId, goal.Metric, windows[0].Start, cancellationToken);
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
