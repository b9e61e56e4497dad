using System.Text.RegularExpressions;

namespace CoachBot.Coaching.Nudges.Linting;

/// <summary>
/// The commitment in an action: a deadline ("today", "by Friday", "before your next call") and a count ("three calls").
/// An Amiable rendering may soften how it asks, but it keeps both, so a gentle ask is still a clear one.
/// </summary>
public static partial class Commitments
{
    private static readonly string[] Numbers = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    public static bool HasDeadline(string text) => Deadline().IsMatch(text);

    /// <summary>Counts of two or more, as digits ("3") or words ("three"); "one" is too common to mean a commitment.</summary>
    public static IReadOnlySet<int> Counts(string text)
    {
        var counts = new HashSet<int>();
        foreach (Match m in Count().Matches(text))
        {
            var value = int.TryParse(m.Value, out var n) ? n : Array.IndexOf(Numbers, m.Value.ToLowerInvariant()) + 2;
            if (value >= 2)
            {
                counts.Add(value);
            }
        }

        return counts;
    }

    /// <summary>What <paramref name="rendering"/> dropped from the commitment in <paramref name="action"/>; empty when it kept it.</summary>
    public static IReadOnlyList<string> Dropped(string action, string rendering)
    {
        var dropped = new List<string>();
        if (HasDeadline(action) && !HasDeadline(rendering))
        {
            dropped.Add($"the deadline (\"{Deadline().Match(action).Value}\")");
        }

        var kept = Counts(rendering);
        dropped.AddRange(Counts(action).Where(n => !kept.Contains(n)).Select(n => $"the count ({n})"));
        return dropped;
    }

    [GeneratedRegex(@"\b(today|tonight|tomorrow|this (morning|afternoon|week|month|quarter)|next (week|month|quarter)|end of (the )?(day|week|month|quarter)|(mon|tues|wednes|thurs|fri)day|\{weekday\}|before (your|the|each|every|any) (next )?\w+|within (\d+|a|an|one|two|three|four|five) \w+|by (the )?end|by (\d+|noon))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Deadline();

    [GeneratedRegex(@"\b(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Count();
}
