using CoachBot.Coaching.Profiles;
using PublicHoliday;

namespace CoachBot.Coaching.Conversation;

/// <summary>Loads a rep's own history (answers, schedule, pauses, vacation, public holidays) and computes their streaks.</summary>
public sealed class RepStreaks(NudgeResponseStore responses, RepScheduleStore schedules, TimeProvider time)
{
    public async Task<StreakCalculator.Streaks> ForAsync(long personId, CancellationToken cancellationToken)
    {
        var schedule = await schedules.GetAsync(personId, cancellationToken);
        if (schedule is null)
        {
            return new StreakCalculator.Streaks(0, 0);
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var now = time.GetUtcNow();
        var today = LocalDate(now, zone);
        var answered = (await responses.AnsweredAtAsync(personId, cancellationToken)).Select(at => LocalDate(at, zone)).ToHashSet();
        var excused = new HashSet<DateOnly>();
        foreach (var (from, until) in await schedules.GetPausePeriodsAsync(personId, now, cancellationToken))
        {
            AddRange(excused, LocalDate(from, zone), LocalDate(until, zone));
        }

        if (schedule is { VacationFrom: { } vacationFrom, VacationUntil: { } vacationUntil })
        {
            AddRange(excused, vacationFrom, vacationUntil);
        }

        if (answered.Count > 0)
        {
            excused.UnionWith(Holidays(schedule.HolidayCountry, answered.Min().Year, today.Year));
        }

        return StreakCalculator.Calculate(new StreakCalculator.Input(answered, schedule.WorkingDays.ToHashSet(), excused, today));
    }

    private static IEnumerable<DateOnly> Holidays(string? country, int fromYear, int toYear)
    {
        if (string.IsNullOrEmpty(country))
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

    private static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
