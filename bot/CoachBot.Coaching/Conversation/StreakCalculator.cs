namespace CoachBot.Coaching.Conversation;

/// <summary>
/// Streaks and personal bests against the rep's own history only. A streak counts nudges the rep answered in a row,
/// so a weekly or 3-a-week cadence builds streaks as fast as its nudges allow: days without a nudge never break one,
/// only a sent nudge left unanswered does. Nudges on paused, snoozed, holiday or vacation days are neutral, and a
/// nudge sent today never breaks a streak because the rep may still answer it.
/// </summary>
public static class StreakCalculator
{
    /// <param name="Day">The rep's local date the nudge was sent.</param>
    public sealed record SentNudge(DateOnly Day, bool Answered);

    /// <param name="Sent">Nudges actually sent to the rep, oldest first.</param>
    /// <param name="ExcusedDays">Local dates covered by pauses, snoozes, holidays or vacations.</param>
    public sealed record Input(IReadOnlyList<SentNudge> Sent, IReadOnlySet<DateOnly> ExcusedDays, DateOnly Today);

    public sealed record Streaks(int Current, int Best);

    public static Streaks Calculate(Input input)
    {
        var (run, best) = (0, 0);
        foreach (var nudge in input.Sent.Where(n => n.Day <= input.Today))
        {
            if (nudge.Answered)
            {
                run++;
                best = Math.Max(best, run);
            }
            else if (nudge.Day != input.Today && !input.ExcusedDays.Contains(nudge.Day))
            {
                run = 0;
            }
        }

        return new Streaks(run, best);
    }
}
