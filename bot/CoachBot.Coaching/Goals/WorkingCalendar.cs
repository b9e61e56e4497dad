namespace CoachBot.Coaching.Goals;

/// <summary>
/// A rep's working time as pace sees it: which local dates they work (working days less holidays and vacation) and the
/// hours of their day. Pace is measured in working time, so a weekend or a holiday does not eat into "the week left".
/// </summary>
public sealed record WorkingCalendar(Func<DateOnly, bool> IsWorkingDay, TimeOnly DayStart, TimeOnly DayEnd)
{
    public static WorkingCalendar MondayToFriday { get; } = new(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), new(9, 0), new(17, 30));

    private TimeSpan DayLength => DayEnd > DayStart ? DayEnd - DayStart : TimeSpan.FromHours(8);

    /// <summary>How much of the window's working time has gone by at <paramref name="localNow"/>, from 0 to 1.</summary>
    public double ElapsedFraction(GoalWindow window, DateTime localNow)
    {
        var today = DateOnly.FromDateTime(localNow);
        var (total, elapsed) = (TimeSpan.Zero, TimeSpan.Zero);
        foreach (var day in window.Days().Where(IsWorkingDay))
        {
            total += DayLength;
            if (day < today)
            {
                elapsed += DayLength;
            }
            else if (day == today)
            {
                var into = localNow.TimeOfDay - DayStart.ToTimeSpan();
                elapsed += into < TimeSpan.Zero ? TimeSpan.Zero : into > DayLength ? DayLength : into;
            }
        }

        if (total == TimeSpan.Zero)
        {
            // No working day in the window at all (a week of vacation): plain calendar time.
            var span = window.End.DayNumber - window.Start.DayNumber;
            return Math.Clamp((localNow - window.Start.ToDateTime(TimeOnly.MinValue)).TotalDays / span, 0, 1);
        }

        return elapsed / total;
    }

    /// <summary>Whether <paramref name="localNow"/> falls inside one of the rep's working days and hours.</summary>
    public bool IsWorkingMoment(DateTime localNow)
    {
        var time = TimeOnly.FromDateTime(localNow);
        return IsWorkingDay(DateOnly.FromDateTime(localNow)) && time >= DayStart && time < (DayEnd > DayStart ? DayEnd : DayStart.Add(DayLength));
    }
}
