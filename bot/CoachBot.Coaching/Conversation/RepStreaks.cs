using CoachBot.Coaching.Profiles;
using CoachBot.Coaching.Scheduling;
using PublicHoliday;

namespace CoachBot.Coaching.Conversation;

/// <summary>
/// Loads a rep's own history (nudges sent and answered from the delivery ledger, pauses, vacation, public holidays) and
/// computes their streaks. A rep without a schedule yet is counted in UTC with nothing excused.
/// </summary>
public sealed class RepStreaks(NudgeDeliveries deliveries, RepScheduleStore schedules, TimeProvider time)
{
    public async Task<StreakCalculator.Streaks> ForAsync(long personId, CancellationToken cancellationToken)
    {
        var schedule = await schedules.GetAsync(personId, cancellationToken);
        var zone = schedule is not null && TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var now = time.GetUtcNow();
        var today = LocalDate(now, zone);
        var sent = (await deliveries.SentSinceAsync(personId, since: null, cancellationToken))
            .Select(n => new StreakCalculator.SentNudge(LocalDate(n.SentAt, zone), n.Answered))
            .ToList();
        var excused = new HashSet<DateOnly>();
        if (schedule is null || sent.Count == 0)
        {
            return StreakCalculator.Calculate(new StreakCalculator.Input(sent, excused, today));
        }

        foreach (var (from, until) in await schedules.GetPausePeriodsAsync(personId, now, cancellationToken))
        {
            AddRange(excused, LocalDate(from, zone), LocalDate(until, zone));
        }

        if (schedule is { VacationFrom: { } vacationFrom, VacationUntil: { } vacationUntil })
        {
            AddRange(excused, vacationFrom, vacationUntil);
        }

        excused.UnionWith(Holidays(schedule.HolidayCountry, sent[0].Day.Year, today.Year));
        return StreakCalculator.Calculate(new StreakCalculator.Input(sent, excused, today));
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
