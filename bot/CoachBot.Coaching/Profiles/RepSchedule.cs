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
    /// <summary>rep_schedule.cadence: null means "from the race".</summary>
    public string? Cadence { get; init; }

    public string Race { get; init; } = "middle";

    public TimeOnly? QuietStart { get; init; }

    public TimeOnly? QuietEnd { get; init; }

    public bool IsSnoozed(DateTimeOffset now) => SnoozedUntil is { } until && until > now;

    /// <summary>The same schedule as the dispatcher's pure maths sees it, so what a rep is told matches what is sent.</summary>
    public Scheduling.RepSchedule ToSlots() => new()
    {
        TimeZone = TimeZone,
        WorkingDays = WorkingDays,
        DayStart = DayStart,
        DayEnd = DayEnd,
        SendTimes = SendTimes,
        Cadence = Scheduling.RepSchedule.ParseCadence(Cadence),
        Race = Race,
        QuietStart = QuietStart,
        QuietEnd = QuietEnd,
        HolidayCountry = HolidayCountry,
        VacationFrom = VacationFrom,
        VacationUntil = VacationUntil,
        SnoozedUntil = SnoozedUntil,
        Paused = Paused,
        Stopped = Stopped,
    };
}
