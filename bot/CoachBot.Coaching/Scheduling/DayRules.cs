namespace CoachBot.Coaching.Scheduling;

/// <summary>Which local dates a rep works and which of those carry nudges under their cadence.</summary>
internal static class DayRules
{
    public static int IsoDay(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;

    /// <summary>A working day that is neither a public holiday nor inside a vacation.</summary>
    public static bool IsAvailable(RepSchedule schedule, DateOnly date) =>
        schedule.WorkingDays.Contains(IsoDay(date))
        && !OnVacation(schedule, date)
        && !HolidayCalendar.IsHoliday(schedule.HolidayCountry, date);

    public static bool IsCadenceDay(RepSchedule schedule, DateOnly date)
    {
        if (!IsAvailable(schedule, date))
        {
            return false;
        }

        switch (schedule.EffectiveCadence)
        {
            case Cadence.Daily:
                return true;
            case Cadence.ThreeWeekly:
                var days = schedule.WorkingDays.Distinct().Order().ToList();
                // Spread three nudges over the working week: first, middle and last working day (Mon/Wed/Fri by default).
                return days.Count <= 3 || IsoDay(date) == days[0] || IsoDay(date) == days[days.Count / 2] || IsoDay(date) == days[^1];
            default:
                // Weekly: the first available working day of the ISO week, so a Monday holiday moves it to Tuesday.
                var monday = date.AddDays(1 - IsoDay(date));
                for (var day = monday; day < date; day = day.AddDays(1))
                {
                    if (IsAvailable(schedule, day))
                    {
                        return false;
                    }
                }

                return true;
        }
    }

    private static bool OnVacation(RepSchedule schedule, DateOnly date) =>
        (schedule.VacationFrom is not null || schedule.VacationUntil is not null)
        && (schedule.VacationFrom is not { } from || date >= from)
        && (schedule.VacationUntil is not { } until || date <= until);
}
