namespace CoachBot.Coaching.Goals;

/// <summary>
/// A rep's personal records on one metric, against their own history only: the best total in a period and the longest
/// run of periods on target. A period missed while paused, snoozed, on holiday or on vacation is skipped, never failed,
/// and the current period never breaks a run because it is still being run.
/// </summary>
public static class GoalRecords
{
    public sealed record Book(int BestTotal, GoalWindow? BestWindow, int PreviousBest, int CurrentRun, int LongestRun, int PreviousLongestRun);

    /// <param name="periods">Oldest first; the last one may be <paramref name="current"/>.</param>
    public static Book Calculate(IReadOnlyList<PeriodResult> periods, GoalWindow current)
    {
        var (best, bestWindow, previousBest) = (0, (GoalWindow?)null, 0);
        var (run, longest, previousLongest) = (0, 0, 0);
        foreach (var period in periods)
        {
            var isCurrent = period.Window == current;
            if (!isCurrent)
            {
                previousBest = Math.Max(previousBest, period.Total);
            }

            if (period.Total > best)
            {
                (best, bestWindow) = (period.Total, period.Window);
            }

            if (period.Target is null)
            {
                continue;
            }

            if (period.OnTarget)
            {
                run++;
                longest = Math.Max(longest, run);
                previousLongest = isCurrent ? previousLongest : longest;
            }
            else if (!isCurrent && !period.Excused)
            {
                run = 0;
            }
        }

        return new Book(best, bestWindow, previousBest, run, longest, previousLongest);
    }
}
