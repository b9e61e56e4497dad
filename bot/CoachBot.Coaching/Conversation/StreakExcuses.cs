using PublicHoliday;

namespace CoachBot.Coaching.Conversation;

/// <summary>
/// The rep's local days that never break a streak: paused or snoozed periods, their vacation and their country's public
/// holidays. One rule for the rep's own `streak`, the brief and the console, so nobody sees two different streaks.
/// </summary>
public static class StreakExcuses
{
    public static HashSet<DateOnly> Days(
        TimeZoneInfo zone,
        IEnumerable<(DateTimeOffset From, DateTimeOffset Until)> pauses,
        DateOnly? vacationFrom,
        DateOnly? vacationUntil,
        string? holidayCountry,
        int fromYear,
        int toYear)
    {
        var excused = new HashSet<DateOnly>();
        foreach (var (from, until) in pauses)
        {
            AddRange(excused, LocalDate(from, zone), LocalDate(until, zone));
        }

        if (vacationFrom is { } start && vacationUntil is { } end)
        {
            AddRange(excused, start, end);
        }

        excused.UnionWith(Holidays(holidayCountry, fromYear, toYear));
        return excused;
    }

    public static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    private static IEnumerable<DateOnly> Holidays(string? country, int fromYear, int toYear)
    {
        if (string.IsNullOrEmpty(country) || fromYear > toYear)
        {
            return [];
        }

        try
        {
            var calendar = PublicHolidayFactory.GetPublicHolidayForCountry(country);
            return Enumerable.Range(fromYear, toYear - fromYear + 1).SelectMany(y => calendar.PublicHolidays(y)).Select(DateOnly.FromDateTime);
        }
        catch (ArgumentOutOfRangeException)
        {
            // An unsupported country simply has no holiday calendar.
            return [];
        }
    }

    private static void AddRange(HashSet<DateOnly> days, DateOnly from, DateOnly until)
    {
        for (var day = from; day <= until && days.Count < 5000; day = day.AddDays(1))
        {
            days.Add(day);
        }
    }
}
