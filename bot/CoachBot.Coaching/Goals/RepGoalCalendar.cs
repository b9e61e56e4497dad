using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Goals;

/// <summary>
/// One rep's clock for goals: their local now, their working days and hours (less holidays and vacation), and the days a
/// pause, snooze or stop covered. Built from their schedule; a rep without one works Monday to Friday in their zone.
/// </summary>
public sealed record RepGoalCalendar(DateTime LocalNow, TimeZoneInfo Zone, WorkingCalendar Working, IReadOnlySet<DateOnly> HeldDays, RepSchedule? Schedule)
{
    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    public DateOnly LocalDate(DateTimeOffset at) => Local(at, Zone);

    /// <summary>A pause, snooze, holiday or vacation fell on one of the window's working days: a missed window is skipped.</summary>
    public bool IsExcused(GoalWindow window) => window.Days().Any(d =>
        HeldDays.Contains(d) || (Schedule is { } s && s.WorkingDays.Contains(IsoDay(d)) && !Working.IsWorkingDay(d)));

    /// <summary>Nudges held right now (paused, stopped, snoozed): no pace message then.</summary>
    public bool IsHeld(DateTimeOffset now) => Schedule is { Paused: true } or { Stopped: true } || Schedule?.IsSnoozed(now) == true;

    public static RepGoalCalendar For(RepSchedule? schedule, string personZone, DateTimeOffset now, IEnumerable<(DateTimeOffset From, DateTimeOffset Until)> holds)
    {
        var zone = FindZone(schedule?.TimeZone ?? personZone);
        var working = schedule is null
            ? WorkingCalendar.MondayToFriday
            : new WorkingCalendar(d => schedule.WorkingDays.Contains(IsoDay(d)) && !OnVacation(schedule, d) && !Scheduling.HolidayCalendar.IsHoliday(schedule.HolidayCountry, d),
                schedule.DayStart, schedule.DayEnd);
        var held = new HashSet<DateOnly>();
        foreach (var (from, until) in holds)
        {
            for (var d = Local(from, zone); d <= Local(until, zone) && held.Count < 5000; d = d.AddDays(1))
            {
                held.Add(d);
            }
        }

        return new RepGoalCalendar(TimeZoneInfo.ConvertTime(now, zone).DateTime, zone, working, held, schedule);
    }

    public static DateOnly Local(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    private static TimeZoneInfo FindZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static int IsoDay(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;

    private static bool OnVacation(RepSchedule schedule, DateOnly date) =>
        schedule.VacationFrom is { } from && schedule.VacationUntil is { } until && date >= from && date <= until;
}
