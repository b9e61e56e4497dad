using System.Collections.Concurrent;
using Cronos;

namespace CoachBot.Coaching.Scheduling;

/// <summary>
/// Pure schedule maths: the next moment a rep should be nudged. Cronos walks each local send time through the
/// rep's time zone (a skipped time fires when the clocks have jumped, a repeated time fires once); the day rules
/// then drop non-working days, holidays, vacations, off-cadence days, quiet hours and snoozed time.
/// </summary>
public static class NudgeSlots
{
    // Two years of slots is more than any vacation or snooze; beyond that the schedule has no slot at all.
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(731);
    private static readonly ConcurrentDictionary<TimeOnly, CronExpression> Expressions = new();

    /// <summary>The first slot strictly after <paramref name="after"/>, or null when paused, stopped or never.</summary>
    public static DateTimeOffset? Next(RepSchedule schedule, DateTimeOffset after)
    {
        if (schedule.Paused || schedule.Stopped || schedule.SendTimes.Count == 0 || schedule.WorkingDays.Count == 0)
        {
            return null;
        }

        var zone = LocalClock.Zone(schedule.TimeZone);
        var cursor = schedule.SnoozedUntil is { } snoozed && snoozed > after ? snoozed.AddTicks(-1) : after;
        var limit = after + Horizon;
        var expressions = schedule.SendTimes.Distinct().Select(Expression).ToList();
        while (cursor < limit)
        {
            DateTimeOffset? candidate = null;
            foreach (var expression in expressions)
            {
                var next = expression.GetNextOccurrence(cursor, zone);
                if (next is { } n && (candidate is null || n < candidate))
                {
                    candidate = n;
                }
            }

            if (candidate is not { } slot)
            {
                return null;
            }

            var local = LocalClock.ToLocal(slot, zone);
            if (DayRules.IsCadenceDay(schedule, DateOnly.FromDateTime(local))
                && !LocalClock.IsQuiet(TimeOnly.FromDateTime(local), schedule.QuietStart, schedule.QuietEnd))
            {
                return slot.ToUniversalTime();
            }

            cursor = slot;
        }

        return null;
    }

    private static CronExpression Expression(TimeOnly time) =>
        Expressions.GetOrAdd(time, t => CronExpression.Parse($"{t.Minute} {t.Hour} * * *"));
}
