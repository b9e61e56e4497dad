using CoachBot.Coaching.Profiles;
using CoachBot.Coaching.Scheduling;

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
        if (schedule is null || sent.Count == 0)
        {
            return StreakCalculator.Calculate(new StreakCalculator.Input(sent, new HashSet<DateOnly>(), today));
        }

        var excused = StreakExcuses.Days(
            zone, await schedules.GetPausePeriodsAsync(personId, now, cancellationToken), schedule.VacationFrom, schedule.VacationUntil,
            schedule.HolidayCountry, sent[0].Day.Year, today.Year);
        return StreakCalculator.Calculate(new StreakCalculator.Input(sent, excused, today));
    }

    private static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => StreakExcuses.LocalDate(at, zone);
}
