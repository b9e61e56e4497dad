using CoachBot.Coaching.Nudges.History;

namespace CoachBot.Coaching.Learning;

/// <summary>Parts of the rep's local day a nudge can land in; the rep's schedule sets the time, this only reports on it.</summary>
public enum DayPart
{
    Morning,
    Midday,
    Afternoon,
}

/// <summary>For one part of the day: how many of the rep's decided nudges sent then worked.</summary>
public readonly record struct DayPartTally(DayPart Part, int Decided, int Worked);

/// <summary>
/// Which send times a rep answers. The send time is the rep's own choice, so CoachBot never moves it: this evidence is
/// told to the rep (`why`) and to their manager's brief, who can suggest a change.
/// </summary>
public sealed class SendTimeEvidence
{
    /// <summary>Below this many decided nudges in at least two parts of the day, nothing is claimed.</summary>
    public const int Minimum = 3;

    private SendTimeEvidence(IReadOnlyList<DayPartTally> tallies) => Tallies = tallies;

    public IReadOnlyList<DayPartTally> Tallies { get; }

    public static DayPart PartOf(TimeOnly local) => local.Hour switch
    {
        < 11 => DayPart.Morning,
        < 14 => DayPart.Midday,
        _ => DayPart.Afternoon,
    };

    public static SendTimeEvidence From(IEnumerable<NudgeRecord> history, TimeZoneInfo zone, DateTimeOffset now)
    {
        var counts = Enum.GetValues<DayPart>().ToDictionary(p => p, _ => (Decided: 0, Worked: 0));
        foreach (var record in history)
        {
            if (NudgeOutcome.Worked(record, now) is not { } worked)
            {
                continue;
            }

            var part = PartOf(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(record.SentAt, zone).DateTime));
            var (decided, good) = counts[part];
            counts[part] = (decided + 1, good + (worked ? 1 : 0));
        }

        return new(counts.Select(c => new DayPartTally(c.Key, c.Value.Decided, c.Value.Worked)).ToList());
    }

    /// <summary>"You answer 4 of 5 morning nudges and 1 of 4 afternoon ones", or null while the evidence is thin.</summary>
    public string? Describe(string subject = "You answer")
    {
        var known = Tallies.Where(t => t.Decided >= Minimum).ToList();
        if (known.Count < 2)
        {
            return null;
        }

        var parts = known.Select(t => $"{t.Worked} of {t.Decided} {Name(t.Part)} nudges").ToList();
        return $"{subject} {string.Join(", ", parts.Take(parts.Count - 1))} and {parts[^1]}.";
    }

    private static string Name(DayPart part) => part switch
    {
        DayPart.Morning => "morning",
        DayPart.Midday => "midday",
        _ => "afternoon",
    };
}
