namespace CoachBot.Coaching.Scheduling;

/// <summary>
/// When the single follow-up for an unanswered nudge is due: after <c>workingTime</c> of the rep's working hours
/// (working days, day start to end, no holidays or vacation) have passed since the nudge was sent. The result is
/// always inside working hours; quiet hours inside the working day push it to the end of the quiet period.
/// </summary>
public static class FollowUpTiming
{
    private const int MaxDays = 400;

    public static DateTimeOffset? Due(RepSchedule schedule, DateTimeOffset sentAt, TimeSpan workingTime)
    {
        if (schedule.Paused || schedule.Stopped || schedule.DayEnd <= schedule.DayStart)
        {
            return null;
        }

        var zone = LocalClock.Zone(schedule.TimeZone);
        var remaining = workingTime;
        var date = DateOnly.FromDateTime(LocalClock.ToLocal(sentAt, zone));
        for (var i = 0; i < MaxDays; i++, date = date.AddDays(1))
        {
            if (!DayRules.IsAvailable(schedule, date))
            {
                continue;
            }

            var start = LocalClock.ToInstant(date, schedule.DayStart, zone);
            var end = LocalClock.ToInstant(date, schedule.DayEnd, zone);
            if (sentAt > start)
            {
                start = sentAt;
            }

            if (end <= start)
            {
                continue;
            }

            if (end - start >= remaining)
            {
                return OutOfQuietHours(schedule, start + remaining, end, zone)?.ToUniversalTime();
            }

            remaining -= end - start;
        }

        return null;
    }

    private static DateTimeOffset? OutOfQuietHours(RepSchedule schedule, DateTimeOffset due, DateTimeOffset dayEnd, TimeZoneInfo zone)
    {
        var local = LocalClock.ToLocal(due, zone);
        if (!LocalClock.IsQuiet(TimeOnly.FromDateTime(local), schedule.QuietStart, schedule.QuietEnd))
        {
            return due;
        }

        var quietEnd = LocalClock.ToInstant(DateOnly.FromDateTime(local), schedule.QuietEnd!.Value, zone);
        // Quiet hours that run to the end of the working day mean no follow-up that day: skip it rather than nag late.
        return quietEnd > due && quietEnd < dayEnd ? quietEnd : null;
    }
}
