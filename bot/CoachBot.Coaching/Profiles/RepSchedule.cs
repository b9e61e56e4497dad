namespace CoachBot.Coaching.Profiles;

/// <summary>A rep_schedule row plus the person's time zone. Working days are ISO numbers (1 = Monday … 7 = Sunday).</summary>
public sealed record RepSchedule(
    long PersonId,
    string TimeZone,
    IReadOnlyList<int> WorkingDays,
    TimeOnly DayStart,
    TimeOnly DayEnd,
    IReadOnlyList<TimeOnly> SendTimes,
    string? HolidayCountry,
    DateOnly? VacationFrom,
    DateOnly? VacationUntil,
    DateTimeOffset? SnoozedUntil,
    bool Paused,
    bool Stopped)
{
    public bool IsSnoozed(DateTimeOffset now) => SnoozedUntil is { } until && until > now;
}
