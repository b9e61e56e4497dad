namespace CoachBot.Coaching.Scheduling;

/// <summary>
/// A rep's schedule as stored in rep_schedule, plus the person's IANA time zone and race.
/// Send times are the local slots of each cadence day; quiet hours may wrap midnight.
/// </summary>
public sealed record RepSchedule
{
    public required string TimeZone { get; init; }

    /// <summary>ISO days: 1 = Monday … 7 = Sunday.</summary>
    public IReadOnlyList<int> WorkingDays { get; init; } = [1, 2, 3, 4, 5];

    public TimeOnly DayStart { get; init; } = new(9, 0);

    public TimeOnly DayEnd { get; init; } = new(17, 30);

    public IReadOnlyList<TimeOnly> SendTimes { get; init; } = [new(9, 30)];

    /// <summary>Null: derived from <see cref="Race"/>.</summary>
    public Cadence? Cadence { get; init; }

    public string Race { get; init; } = "middle";

    public TimeOnly? QuietStart { get; init; }

    public TimeOnly? QuietEnd { get; init; }

    /// <summary>ISO 3166 code whose public holidays are skipped; null = none.</summary>
    public string? HolidayCountry { get; init; }

    public DateOnly? VacationFrom { get; init; }

    public DateOnly? VacationUntil { get; init; }

    public DateTimeOffset? SnoozedUntil { get; init; }

    public bool Paused { get; init; }

    public bool Stopped { get; init; }

    public Cadence EffectiveCadence => Cadence ?? CadenceForRace(Race);

    public static Cadence CadenceForRace(string race) => race switch
    {
        "sprint" => Scheduling.Cadence.Daily,
        "distance" => Scheduling.Cadence.Weekly,
        _ => Scheduling.Cadence.ThreeWeekly,
    };

    public static Cadence? ParseCadence(string? value) => value switch
    {
        "daily" => Scheduling.Cadence.Daily,
        "three_weekly" => Scheduling.Cadence.ThreeWeekly,
        "weekly" => Scheduling.Cadence.Weekly,
        _ => null,
    };
}
