namespace CoachBot.Coaching.Conversation;

/// <summary>
/// Streaks and personal bests against the rep's own history only. A streak counts days the rep answered;
/// only an unanswered working day breaks it. Weekends, pauses, snoozes, holidays and vacations are neutral,
/// and today never breaks a streak because it isn't over yet.
/// </summary>
public static class StreakCalculator
{
    /// <param name="ActiveDays">Local dates on which the rep answered a nudge.</param>
    /// <param name="WorkingDays">ISO day numbers, 1 = Monday … 7 = Sunday.</param>
    /// <param name="ExcusedDays">Local dates covered by pauses, snoozes, holidays or vacations.</param>
    public sealed record Input(IReadOnlySet<DateOnly> ActiveDays, IReadOnlySet<int> WorkingDays, IReadOnlySet<DateOnly> ExcusedDays, DateOnly Today);

    public sealed record Streaks(int Current, int Best);

    public static Streaks Calculate(Input input)
    {
        var history = input.ActiveDays.Where(d => d <= input.Today).ToList();
        if (history.Count == 0)
        {
            return new Streaks(0, 0);
        }

        var (run, best) = (0, 0);
        for (var day = history.Min(); day <= input.Today; day = day.AddDays(1))
        {
            if (input.ActiveDays.Contains(day))
            {
                run++;
                best = Math.Max(best, run);
            }
            else if (day != input.Today && IsExpected(day, input))
            {
                run = 0;
            }
        }

        return new Streaks(run, best);
    }

    private static bool IsExpected(DateOnly day, Input input) =>
        input.WorkingDays.Contains(IsoDay(day)) && !input.ExcusedDays.Contains(day);

    public static int IsoDay(DateOnly day) => day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;
}
