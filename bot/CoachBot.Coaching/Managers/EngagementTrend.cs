using System.Globalization;

namespace CoachBot.Coaching.Managers;

/// <summary>
/// Reads a rep's last weeks for the brief: the confidence trend, and the "watch" signal when answers or confidence fell
/// two or more weeks running, so a strong rep's drift is noticed before it is a slump. Pure.
/// </summary>
public static class EngagementTrend
{
    public const int WatchAfterFallingWeeks = 2;

    /// <summary>How many weeks in a row, ending with the latest, the value fell; weeks without a value end the count.</summary>
    public static int FallingWeeks(IReadOnlyList<double?> values)
    {
        var falling = 0;
        for (var i = values.Count - 1; i > 0; i--)
        {
            if (values[i] is not { } now || values[i - 1] is not { } before || now >= before)
            {
                break;
            }

            falling++;
        }

        return falling;
    }

    /// <summary>"3.5 → 4.0 → 4.5 (rising)", or null with no ratings at all.</summary>
    public static string? Confidence(IReadOnlyList<WeekEngagement> weeks)
    {
        var rated = weeks.Select(w => w.Confidence).ToList();
        if (rated.All(c => c is null))
        {
            return null;
        }

        var shown = string.Join(" → ", rated.Select(c => c is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "–"));
        var known = rated.OfType<double>().ToList();
        var direction = known.Count < 2 ? "" : known[^1] > known[^2] ? " (rising)" : known[^1] < known[^2] ? " (falling)" : " (steady)";
        return shown + direction;
    }

    /// <summary>The watch line's reason, or null when engagement is holding.</summary>
    public static string? Watch(IReadOnlyList<WeekEngagement> weeks)
    {
        var answered = weeks.Select(w => w.Sent > 0 ? (double?)w.Answered : null).ToList();
        if (FallingWeeks(answered) >= WatchAfterFallingWeeks)
        {
            return $"nudges answered fell {FallingWeeks(answered)} weeks running ({string.Join(" → ", weeks.Select(w => w.Answered))})";
        }

        var confidence = weeks.Select(w => w.Confidence).ToList();
        return FallingWeeks(confidence) >= WatchAfterFallingWeeks
            ? $"confidence fell {FallingWeeks(confidence)} weeks running ({Confidence(weeks)})"
            : null;
    }
}
