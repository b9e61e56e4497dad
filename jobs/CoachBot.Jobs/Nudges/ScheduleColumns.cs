using CoachBot.Coaching.Scheduling;
using Npgsql;

namespace CoachBot.Jobs.Nudges;

// The rep_schedule columns every query reads in the same order, and their mapping to the pure RepSchedule.
internal static class ScheduleColumns
{
    public const string Select = """
        p.time_zone, coalesce(r.race, 'middle'), s.working_days, s.day_start, s.day_end, s.send_times, s.cadence,
        s.quiet_start, s.quiet_end, s.holiday_country, s.vacation_from, s.vacation_until, s.snoozed_until, s.paused, s.stopped
        """;

    public const string From = """
        rep_schedule s
        join person p on p.id = s.person_id
        join workspace w on w.id = s.workspace_id
        left join rep_profile r on r.person_id = s.person_id
        """;

    public const int Count = 15;

    public static RepSchedule Read(NpgsqlDataReader reader, int at) => new()
    {
        TimeZone = reader.GetString(at),
        Race = reader.GetString(at + 1),
        WorkingDays = reader.GetFieldValue<short[]>(at + 2).Select(d => (int)d).ToArray(),
        DayStart = TimeOnly.FromTimeSpan(reader.GetFieldValue<TimeSpan>(at + 3)),
        DayEnd = TimeOnly.FromTimeSpan(reader.GetFieldValue<TimeSpan>(at + 4)),
        SendTimes = reader.GetFieldValue<TimeSpan[]>(at + 5).Select(TimeOnly.FromTimeSpan).ToArray(),
        Cadence = RepSchedule.ParseCadence(reader.IsDBNull(at + 6) ? null : reader.GetString(at + 6)),
        QuietStart = reader.IsDBNull(at + 7) ? null : TimeOnly.FromTimeSpan(reader.GetFieldValue<TimeSpan>(at + 7)),
        QuietEnd = reader.IsDBNull(at + 8) ? null : TimeOnly.FromTimeSpan(reader.GetFieldValue<TimeSpan>(at + 8)),
        HolidayCountry = reader.IsDBNull(at + 9) ? null : reader.GetString(at + 9),
        VacationFrom = reader.IsDBNull(at + 10) ? null : reader.GetFieldValue<DateOnly>(at + 10),
        VacationUntil = reader.IsDBNull(at + 11) ? null : reader.GetFieldValue<DateOnly>(at + 11),
        SnoozedUntil = reader.IsDBNull(at + 12) ? null : reader.GetFieldValue<DateTimeOffset>(at + 12),
        Paused = reader.GetBoolean(at + 13),
        Stopped = reader.GetBoolean(at + 14),
    };
}
